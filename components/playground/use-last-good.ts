'use client';
import { useState } from 'react';

/**
 * The current value while there is one, else the last one there was: a preview keeps running on
 * the last input that parsed while the user's text does not. `value` must be memoized.
 */
export function useLastGood<T>(value: T | null): T | null {
  const [kept, setKept] = useState<T | null>(value);
  if (value !== null && value !== kept) setKept(value);
  return value ?? kept;
}
