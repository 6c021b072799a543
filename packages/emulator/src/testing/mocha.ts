// Typed access to the mocha globals @web/test-runner defines in browser tests, without adding @types/mocha's globals
// to a workspace whose Node tests use node:test. Each call reads the global lazily, when mocha is already set up.
type Body = () => void | Promise<void>;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  before(body: Body): void;
  after(body: Body): void;
  beforeEach(body: Body): void;
  afterEach(body: Body): void;
}
const mocha = () => globalThis as unknown as MochaGlobals;

/** mocha's `describe`. */
export const describe = (title: string, body: () => void) => mocha().describe(title, body);
/** mocha's `it`. */
export const it = (title: string, body: Body) => mocha().it(title, body);
/** mocha's `before`. */
export const before = (body: Body) => mocha().before(body);
/** mocha's `after`. */
export const after = (body: Body) => mocha().after(body);
/** mocha's `beforeEach`. */
export const beforeEach = (body: Body) => mocha().beforeEach(body);
/** mocha's `afterEach`. */
export const afterEach = (body: Body) => mocha().afterEach(body);
