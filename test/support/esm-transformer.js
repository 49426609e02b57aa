// NestJS 12 and a few other dependencies ship only as ES modules. Node 20 can require() them,
// but Jest's module runtime cannot (it needs Node 24.9+), so Jest compiles those files to
// CommonJS with swc. CommonJS files pass through untouched.
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: { parser: { syntax: 'ecmascript', importAttributes: true }, target: 'es2022' },
  module: { type: 'commonjs', ignoreDynamic: false },
  sourceMaps: false,
});
const ESM_SYNTAX = /^\s*(import\s*[\w{*'"]|export\s)/m;

module.exports = {
  getCacheKey(src, filename, options) {
    return 'esm-v2:' + swc.getCacheKey(src, filename, options);
  },
  process(src, filename, options) {
    if (!ESM_SYNTAX.test(src)) return { code: src };
    const code = src.replace(/import\.meta\.url/g, '("file://" + __filename)');
    return swc.process(code, filename, options);
  },
};
