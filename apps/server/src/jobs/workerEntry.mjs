// Worker threads start without the parent's TypeScript loader on Node 20: register tsx, then
// load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
