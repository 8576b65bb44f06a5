export { withDatabase } from '../../src/database/database-url';

export const TEMPLATE_DATABASE = 'careercenter_test_template';
