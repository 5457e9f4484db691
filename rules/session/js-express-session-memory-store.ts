import session from 'express-session';
import { session as other } from './local';

export function configure(app: any) {
  app.use(session({ secret: process.env.SECRET as string, resave: false }));
  //      ^^^^^^^ session/js-express-session-memory-store
  // ok: not imported from express-session
  app.use(other({ secret: 's' }));
}
