import 'server-only';
// Sign-in from a request's headers: the client address (rate limit), the context the token is
// checked against and the cookie's Secure flag. Shared by the sign-in action and POST /api/session.
import { cookieValue, currentContext } from '@/lib/k8s/request-context';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';
import { sessionCookieOptions, type CookieOptions } from './config';
import { remoteAddress } from './remote-address';
import { requestServer } from './request-identity';
import { signInWithToken, type SignInResult } from './sign-in';

export async function signInFromRequest(headers: Headers, token: string): Promise<{ result: SignInResult; cookie: CookieOptions }> {
  const context = currentContext(cookieValue(headers.get('cookie'), CONTEXT_COOKIE)).resolved.name;
  const result = await signInWithToken({ token, address: remoteAddress(headers), context, server: requestServer(headers) });
  return { result, cookie: sessionCookieOptions(headers.get('x-forwarded-proto')) };
}
