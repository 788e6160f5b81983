// kruise-routing.md §5.3: every conformance row through runStep (the production path), and §4.2.
import { describe, expect, it } from 'vitest';
import { runStep } from './route';
import { MARSHAL_PREFIX } from './encode';

const SPEC = { hosts: ['*'], http: [{ route: [{ destination: { host: 'svc-demo' } }] }] };
const OBJ = { data: { spec: SPEC }, canaryWeight: -1, stableWeight: 101, canaryService: 'svc-demo-canary', stableService: 'svc-demo' };
const run = (script: string) => runStep(script, OBJ, 'controller');
const prefixes = (n: number) => MARSHAL_PREFIX.repeat(n);
const printed = (script: string) => {
  const r = run(script + '\nreturn {}');
  expect(r.error).toBeNull();
  return r.prints.join('\n');
};

describe('Kruise production rows (§5.3)', () => {
  it('return {} gives an empty Data', () => expect(run('return {}').result).toEqual({}));
  it('error("boom") and error(table)', () => {
    expect(run('error("boom")').error).toBe('<string>:1: boom');
    expect(run('error({code=1})').error).toMatch(/^table: 0x/);
  });
  it('extra keys are ignored', () => {
    expect(run('obj.data.metadata = {name="x"}; obj.data.foo = 1; return obj.data').result).toEqual({ spec: SPEC });
  });
  it('numbers through Go encoding/json', () => {
    const r = run('local s = obj.data.spec; s.a=10/4; s.b=95.0; s.c=1e21; s.d=2^53; s.e=-0.0; s.f=1e-7; return obj.data');
    expect(r.result?.spec).toMatchObject({ a: 2.5, b: 95, c: 1e21, d: 9007199254740992, f: 1e-7 });
    expect(Object.is((r.result?.spec as Record<string, number>).e, -0)).toBe(true);
    expect(printed('print(json.encode({e=-0.0, c=1e21, f=1e-7, a=10/4}))')).toBe('{"a":2.5,"c":1e+21,"e":-0,"f":1e-7}');
  });
  it('string.format row', () => {
    expect(printed(`print(string.format("%d|%5.2f|%s|%q", 2.7, 3.14159, 7, 'a"b'))`)).toBe('2| 3.14|7|"a\\"b"');
  });
  it('globals do not leak into the next run', () => {
    expect(run('spec = obj.data.spec; leaked = 1; return obj.data').error).toBeNull();
    expect(printed('print(leaked)')).toBe('nil');
  });
  it('goto is a parse error at the pin', () => {
    const r = run('for i=1,2 do goto cont ::cont:: end return obj.data');
    expect(r.error).toMatch(/goto/);
    expect(r.production).toBe("<string> line:1(column:19) near 'cont':   parse error");
  });
  it('1/0 and 0/0: three prefixes', () => {
    expect(run('obj.data.spec.w = 1/0; return obj.data').error).toBe(prefixes(3) + 'json: unsupported value: +Inf');
    expect(run('obj.data.spec.w = 0/0; return obj.data').error).toBe(prefixes(3) + 'json: unsupported value: NaN');
  });
  it('// is a syntax error', () => {
    expect(run('obj.data.spec.x = 7 // 2').production).toBe("<string> line:1(column:22) near '/':   syntax error");
  });
  it('io and os are absent', () => {
    expect(run('io.write("x")').production).toBe("<string>:1: attempt to index a non-table object(nil) with key 'write'");
    expect(run('os.time()').production).toBe("<string>:1: attempt to index a non-table object(nil) with key 'time'");
  });
  it('json.decode error text', () => {
    expect(printed('local v, e = json.decode("{bad") print(e)')).toBe("invalid character 'b' looking for beginning of object key string");
  });
  it('label values must be strings', () => {
    expect(run('obj.data.labels = {a=true}; return obj.data').error).toBe('json: cannot unmarshal bool into Go struct field Data.labels of type string');
    expect(run('obj.data.labels = {a=1}; return obj.data').error).toBe('json: cannot unmarshal number into Go struct field Data.labels of type string');
  });
  it('#{1,2,nil,4} is 4', () => expect(printed('print(#{1,2,nil,4})')).toBe('4'));
  it('absent obj fields and weights', () => {
    expect(printed('print(type(obj.matches), type(obj.requestHeaderModifier), type(obj.data.labels), type(obj.data.annotations), type(obj.canaryWeight), tostring(obj.canaryWeight), tostring(obj.stableWeight))'))
      .toBe('nil\tnil\tnil\tnil\tnumber\t-1\t101');
  });
  it('mixed keys', () => expect(run('obj.data.spec.x = {1, a=2}; return obj.data').error).toBe(prefixes(3) + 'cannot encode mixed or invalid key types'));
  it('the result is the last returned value and must be a table', () => {
    expect(run('return obj.data, 5').error).toBe('expect table output from Lua script, not number');
    expect(run('return 5, obj.data').result).toEqual({ spec: SPEC });
    expect(run('local a = 1').error).toBe('expect table output from Lua script, not nil');
    expect(run('return "x"').error).toBe('expect table output from Lua script, not string');
    expect(run('return print').error).toBe('expect table output from Lua script, not function');
    expect(run('return true').error).toBe('expect table output from Lua script, not boolean');
  });
  it('labels only', () => expect(run('return {labels={a="b"}}').result).toEqual({ labels: { a: 'b' } }));
  it('keys of obj', () => {
    expect(printed('local k = {} for key in pairs(obj) do k[#k+1] = key end table.sort(k) print(table.concat(k, ","))'))
      .toBe('canaryService,canaryWeight,data,stableService,stableWeight');
  });
  it('print is captured', () => {
    const r = run('print("hello from lua") return obj.data');
    expect(r.prints).toEqual(['hello from lua']);
    expect(r.result).toEqual({ spec: SPEC });
  });
  it('require', () => {
    expect(printed('print(type(require("json")), type(require("string")))')).toBe('table\ttable');
    expect(run('require("os")').error).toBe('<string>:1: package.loaders must be a table');
  });
  it('index of nil', () => expect(run('return obj.nothere.x').production).toBe("<string>:1: attempt to index a non-table object(nil) with key 'x'"));
  it('shared sub-table: seven prefixes', () => {
    const r = run('local d = {host="a"}\nobj.data.spec.http = {{route={{destination=d},{destination=d}}}}\nreturn obj.data');
    expect(r.error).toBe(prefixes(7) + 'cannot encode recursively nested tables to JSON');
  });
  it('sparse arrays', () => {
    expect(run('obj.data.spec.x = {[1]=1,[3]=3}; return obj.data').error).toBe(prefixes(3) + 'cannot encode sparse array');
    expect(run('obj.data.spec.x = {[0]=1}; return obj.data').error).toBe(prefixes(3) + 'cannot encode sparse array');
    expect(run('obj.data.spec.x = {[2]="b",[1]="a"}; return obj.data').result?.spec).toMatchObject({ x: ['a', 'b'] });
  });
  it('top-level array', () => expect(run('return {1,2}').error).toBe('json: cannot unmarshal array into Go value of type custom.Data'));
  it('string.find / gsub', () => {
    expect(printed('print((string.find("a.b.c", ".", 1, true)), (string.find("a.b.c", "%.")), (string.gsub("svc.ns.svc", "%..*$", "")))')).toBe('2\t2\tsvc');
  });
  it('syntax error at EOF', () => expect(run('return obj.data +').production).toBe('<string> at EOF:   syntax error'));
  it('endless loop: context deadline exceeded', () => {
    const r = runStep('while true do end', OBJ, 'controller', { ms: 200 });
    expect(r.production).toBe('<string>:1: context deadline exceeded');
    expect(r.error).toMatch(/budget exceeded/);
  });
  it('tostring rows', () => {
    expect(printed('print(tostring(1234567.5), tostring(123456789.125), tostring(0.0001), tostring(0.00001), tostring(1e15), tostring(1e15+0.5), tostring(2^53), tostring(-7), tostring(1e100), 10 .. "", 2.50 .. "")'))
      .toBe('1.2345675e+06\t1.23456789125e+08\t0.0001\t1e-05\t1000000000000000\t1.0000000000000005e+15\t9007199254740992\t-7\t1e+100\t10\t2.5');
    expect(printed('print(tostring(100), tostring(10/4), tostring(1e21), tostring(2^63), tostring(1/0), tostring(0.1+0.2))'))
      .toBe('100\t2.5\t1e+21\t9.223372036854776e+18\t+Inf\t0.30000000000000004');
  });
  it('library surface row', () => {
    expect(printed('print(type(unpack), type(table.unpack), type(string.gmatch), type(math.pow), tostring(math.huge), type(coroutine), type(debug), type(package), type(dofile), type(loadstring), type(setfenv))'))
      .toBe('function\tnil\tfunction\tfunction\t1.7976931348623157e+308\tnil\tnil\tnil\tfunction\tfunction\tfunction');
  });
  it('_VERSION', () => expect(printed('print(_VERSION)')).toBe('Lua 5.1'));
});

describe('json module (§4.2)', () => {
  it('encode/decode with Go semantics', () => {
    expect(printed('print(json.encode({}), json.encode({a={1,2},b="x"}), json.encode(json.decode(\'{"k":[1,2,{}]}\')))'))
      .toBe('null\t{"a":[1,2],"b":"x"}\t{"k":[1,2,null]}');
    expect(printed('print(json.encode({s="<a&b>"}), json.encode({z=1,a=2,m={y=1,b=2}}))')).toBe('{"s":"\\u003ca\\u0026b\\u003e"}\t{"a":2,"m":{"b":2,"y":1},"z":1}');
    expect(printed('local v, e = json.encode(print) print(v, e)')).toBe(`nil\t${prefixes(1)}cannot encode function to JSON`);
    expect(printed('local t = json.decode(\'{"a":null,"b":[1,null,3]}\') print(t.a, #t.b, t.b[2])')).toBe('nil\t2\t3');
    expect(printed('print(json.decode("[1,2"))')).toBe('nil\tunexpected end of JSON input');
    expect(printed('print(json.decode("{}x"))')).toBe("nil\tinvalid character 'x' after top-level value");
    expect(printed('print(json.encode("\\255ok"))')).toBe('"\\ufffdok"');
  });
});
