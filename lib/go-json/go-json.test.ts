import { describe, expect, it } from 'vitest';
import {
  bytesToGoString, compareUtf8, decodeRune, DEEPFLOW_SERVER_GO, goJsonNumber, goJsonQuote, goJsonQuoteBytes, GoJsonError,
  goMarshal, goMinor, PRODUCTION_GO,
} from '.';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('Go versions of the production builds', () => {
  it('states which Go each build uses', () => {
    expect(PRODUCTION_GO).toEqual({ kruise: '1.20', deepflow: '1.26' });
    expect(DEEPFLOW_SERVER_GO).toEqual({ 'v6.6': '1.21', 'v7.0': '1.22', 'v7.1': '1.24', main: '1.26' });
    expect(goMinor('1.26')).toBe(26);
    expect(() => goMinor('2.0' as '1.0')).toThrow(/not a Go 1.x/);
  });

  it('Kruise (Go 1.20) writes \\u0008 and \\u000c; DeepFlow main (Go 1.26) writes \\b and \\f', () => {
    expect(goJsonQuote('a\bb\fc', PRODUCTION_GO.kruise)).toBe('"a\\u0008b\\u000cc"');
    expect(goJsonQuote('a\bb\fc', PRODUCTION_GO.deepflow)).toBe('"a\\bb\\fc"');
    expect(goJsonQuoteBytes(bytes(8, 12), PRODUCTION_GO.kruise)).toBe('"\\u0008\\u000c"');
    expect(goJsonQuoteBytes(bytes(8, 12), PRODUCTION_GO.deepflow)).toBe('"\\b\\f"');
  });

  it('the change is at Go 1.22: DeepFlow v6.6 escapes like Kruise, v7.0 on like main', () => {
    expect(goJsonQuote('\b', DEEPFLOW_SERVER_GO['v6.6'])).toBe('"\\u0008"');
    expect(goJsonQuote('\b', '1.21')).toBe('"\\u0008"');
    expect(goJsonQuote('\b', DEEPFLOW_SERVER_GO['v7.0'])).toBe('"\\b"');
    expect(goJsonQuote('\f', DEEPFLOW_SERVER_GO['v7.1'])).toBe('"\\f"');
  });
});

describe('encoding/json strings', () => {
  for (const go of ['1.20', '1.26'] as const) {
    it(`the string and byte encoders agree on every other escape (Go ${go})`, () => {
      const text = '<>&/\u2028\u2029"\\\n\r\t\u0001\u001f\u007f é😀';
      const expected = '"\\u003c\\u003e\\u0026/\\u2028\\u2029\\"\\\\\\n\\r\\t\\u0001\\u001f\u007f é😀"';
      expect(goJsonQuote(text, go)).toBe(expected);
      expect(goJsonQuoteBytes(utf8(text), go)).toBe(expected);
    });
  }

  it('invalid UTF-8 bytes and lone surrogates become \\ufffd', () => {
    expect(goJsonQuoteBytes(bytes(0x61, 0xff, 0xc3, 0x62), '1.20')).toBe('"a\\ufffd\\ufffdb"');
    expect(goJsonQuote('a\ud800b\udc00', '1.26')).toBe('"a\\ufffdb\\ufffd"');
  });
});

describe('encoding/json numbers and values', () => {
  it('formats floats like Go and rejects NaN/Inf with Go\'s message', () => {
    expect([0, -0, 1.5, 1e21, 1e-7, 123456789012, 2 ** 53].map(goJsonNumber)).toEqual(['0', '-0', '1.5', '1e+21', '1e-7', '123456789012', '9007199254740992']);
    expect(() => goJsonNumber(NaN)).toThrow(new GoJsonError('json: unsupported value: NaN'));
    expect(() => goJsonNumber(-Infinity)).toThrow('json: unsupported value: -Inf');
    expect(() => goJsonNumber(Infinity)).toThrow('json: unsupported value: +Inf');
  });

  it('marshals compactly with keys sorted bytewise, undefined members absent', () => {
    expect(goMarshal({ b: [1, 'x', null, true], a: { d: undefined, c: '\b' }, '😀': 1, '\uffff': 2 }, '1.20'))
      .toBe('{"a":{"c":"\\u0008"},"b":[1,"x",null,true],"\uffff":2,"😀":1}');
    expect(['\uffff', '😀', 'b', 'B', 'a'].sort(compareUtf8)).toEqual(['B', 'a', 'b', '\uffff', '😀']);
  });
});

describe('Go utf8 decoding', () => {
  it('decodes runes and rejects overlong, surrogate and truncated sequences byte by byte', () => {
    expect(decodeRune(utf8('é'), 0)).toEqual([0xe9, 2]);
    expect(decodeRune(utf8('😀'), 0)).toEqual([0x1f600, 4]);
    expect(decodeRune(bytes(0xc0, 0x80), 0)).toEqual([-1, 1]);
    expect(decodeRune(bytes(0xed, 0xa0, 0x80), 0)).toEqual([-1, 1]);
    expect(decodeRune(bytes(0xe2, 0x82), 0)).toEqual([-1, 1]);
    expect(bytesToGoString(bytes(0x61, 0xff, 0xe2, 0x82, 0xac))).toBe('a\ufffd€');
  });
});
