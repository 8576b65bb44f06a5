import { CODE_FILES, CodeImportService } from '../../src/codes/code-import.service';
import { uniqueEmail } from '../support/http';
import { submitRegistration } from './support/forms';
import { useSite } from './support/site';
import { VIEWPORTS } from './support/viewports';

const DEXAMETHASONE = 'Injection, dexamethasone sodium phosphate, 1 mg';
const DIPHENHYDRAMINE = 'Injection, diphenhydramine hcl, up to 50 mg';
const KETOROLAC = 'Injection, ketorolac tromethamine, per 15 mg';

describe.each(VIEWPORTS)('the code reference for a signed-out visitor at $name', (viewport) => {
  const site = useSite({ CODE_VIEWS_SIGNED_OUT: '2' });

  beforeAll(async () => {
    // The HCPCS list alone: small, and enough codes to look up.
    await site.app.app.get(CodeImportService).importFile(CODE_FILES.find((file) => file.system === 'hcpcs')!);
  });

  it('shows a few codes, then asks the visitor to register, and shows the code once they have', async () => {
    const visitor = await site.open(viewport);
    const { page } = visitor;
    /** Looks the code up from the header's "Code lookup", as a visitor does, and opens it. */
    const lookUp = async (code: string, name: string) => {
      await visitor.navigate(() => page.getByRole('link', { name: 'Code lookup' }).click(), 'codes');
      await page.getByLabel('Code or words').fill(code);
      await visitor.navigate(() => page.getByLabel('Code or words').press('Enter'), 'codes-found');
      await visitor.navigate(() => page.getByRole('link', { name: code, exact: true }).click(), name);
    };

    await visitor.goto('/', 'home');
    await lookUp('J1100', 'code');
    expect(await visitor.text()).toContain(DEXAMETHASONE);
    await lookUp('J1200', 'code-second');
    expect(await visitor.text()).toContain(DIPHENHYDRAMINE);

    await lookUp('J1885', 'code-gated');
    const gated = await visitor.text();
    expect(gated).toContain("Sign up free to see this code's description");
    expect(gated).not.toContain(KETOROLAC);

    await visitor.navigate(() => page.getByRole('link', { name: 'Create a free account' }).click(), 'register-from-code');
    await submitRegistration(visitor, { role: /I'm a coder/, name: 'Avery Chen', email: uniqueEmail('visitor') }, 'code-after-register');
    expect(new URL(page.url()).pathname).toBe('/codes/hcpcs/J1885');
    expect(await visitor.text()).toContain(KETOROLAC);
  });
});
