/**
 * The JSON of answers a service keeps and hands out again as the same
 * object (a kept search result): each is serialized once, and forgotten
 * with the answer.
 */
export class KeptJson<T extends object> {
  private readonly bodies = new WeakMap<T, string>();

  constructor(private readonly serialize: (value: T) => unknown = (value) => value) {}

  of(value: T): string {
    let body = this.bodies.get(value);
    if (body === undefined) {
      body = JSON.stringify(this.serialize(value));
      this.bodies.set(value, body);
    }
    return body;
  }
}
