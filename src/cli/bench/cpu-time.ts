import { readdirSync, readFileSync } from 'node:fs';

/** /proc reports CPU time in these ticks per second (USER_HZ, 100 on every Linux ABI). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** Its own user and system time, and that of its children it has waited for (ticks). */
  own: number;
  reaped: number;
}

function procStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, ppid 4, utime 14 … cstime 17.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number) => Number(fields[n - 3]);
  return { ppid: field(4), own: field(14) + field(15), reaped: field(16) + field(17) };
}

/**
 * CPU seconds a process has used with its children, live and exited (a
 * Postgres server's backends come and go), read from /proc; undefined
 * where there is no /proc or no such process. CPU time depends far less
 * than latency on other work sharing the machine.
 */
export function processTreeCpuSeconds(pid: number): number | undefined {
  const root = procStat(pid);
  if (!root) return undefined;
  let ticks = root.own + root.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = procStat(Number(entry));
    if (child?.ppid === pid) ticks += child.own;
  }
  return ticks / TICKS_PER_SECOND;
}
