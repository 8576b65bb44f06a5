import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import hbs from 'hbs';

/** Every page is wrapped in this layout unless it renders with `layout: false`. */
export const DEFAULT_LAYOUT = 'layouts/main';

type HelperOptions = { data: { root: Record<string, unknown> } };

/**
 * Registers the partials in `views/partials` (named by file: `{{> field}}`)
 * and the few helpers the views use. Express renders through the one `hbs`
 * instance, so this is process-wide.
 */
export function registerViewHelpers(viewsDir: string): void {
  // Compiled once here: a partial registered as text (as hbs.registerPartials does) is compiled again at every render.
  const partials = join(viewsDir, 'partials');
  for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
    hbs.handlebars.registerPartial(file.slice(0, -'.hbs'.length), hbs.handlebars.compile(readFileSync(join(partials, file), 'utf8')));
  }

  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  /** The first argument that is not null, undefined or '' (the trailing argument is Handlebars' options). */
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find((v) => v !== undefined && v !== null && v !== ''));
  /** Handlebars' #if treats `{}` as true; refused forms carry `errors: {}` when only the form as a whole failed. */
  hbs.registerHelper('notEmpty', (value: unknown) => value != null && typeof value === 'object' && Object.keys(value).length > 0);
  hbs.registerHelper('year', () => new Date().getFullYear());

  /**
   * `{{pageTitle "Sign in"}}` in a view names the page for the layout's <title>.
   * The view is rendered before its layout, on the same root context, so a
   * form rendered again after a refused submission keeps its title too.
   */
  hbs.registerHelper('pageTitle', (title: string, options: HelperOptions) => {
    options.data.root.title = title;
    return '';
  });

  /** The ids of a field's hint and error message, for `aria-describedby` (empty when it has neither). */
  hbs.registerHelper('describedBy', (id: string, hasHint: unknown, hasErrors: unknown) =>
    [hasHint ? `${id}-hint` : '', hasErrors ? `${id}-error` : ''].filter(Boolean).join(' '),
  );
}
