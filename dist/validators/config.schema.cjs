"use strict";
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports2.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/.validators/config.schema.cjs
module.exports = validate10;
module.exports.default = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://sts-audit.dev/schemas/config.schema.json", "title": "sts-audit configuration (.sts-audit.yaml)", "type": "object", "additionalProperties": false, "properties": { "clusters": { "description": "The clusters the repository deploys to. A file belongs to the first cluster whose paths match it.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["name", "paths"], "properties": { "name": { "type": "string", "minLength": 1, "description": "Shown in reports beside each finding." }, "kubernetesVersion": { "type": "string", "pattern": "^1\\.[0-9]+$", "description": 'Kubernetes version as EKS names it, such as "1.24" (quote it: 1.30 unquoted is the number 1.3). Omitted: a current cluster.' }, "platformVersion": { "type": "string", "pattern": "^eks\\.[0-9]+$", "description": "EKS platform version such as eks.2. Omitted: the newest for the Kubernetes version." }, "region": { "type": "string", "pattern": "^[a-z]{2}(-[a-z]+)+-[0-9]+$", "description": "AWS Region of the cluster, such as us-west-2." }, "paths": { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 }, "description": "Globs, relative to the folder of this config file, of the files that deploy to this cluster." } } } }, "rules": { "description": "Per rule: off, or the level to report it at.", "type": "object", "propertyNames": { "pattern": "^STS[0-9]{3}$" }, "additionalProperties": { "enum": ["off", "error", "warning", "note"] } }, "testCode": { "description": "How the code rules report test code (folders test, tests, __tests__, testdata and fixtures relative to the scan root, and *_test.go, *.test.*, *.spec.* files): note (the default) reports its findings at note, so it never fails the run; code reports them like any other code's.", "enum": ["note", "code"] }, "ignorePaths": { "description": "Extra paths to leave out, in .gitignore syntax, relative to the folder of this config file.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "ignore": { "description": "Findings to suppress, each with a reason and optionally the last day it holds. An entry matches a finding when every selector it gives matches.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["reason"], "anyOf": [{ "required": ["rule"], "properties": { "rule": true } }, { "required": ["path"], "properties": { "path": true } }, { "required": ["namespace"], "properties": { "namespace": true } }, { "required": ["kind"], "properties": { "kind": true } }, { "required": ["name"], "properties": { "name": true } }], "properties": { "rule": { "oneOf": [{ "type": "string", "pattern": "^STS[0-9]{3}$" }, { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^STS[0-9]{3}$" } }], "description": "A rule id, or a list of them." }, "path": { "type": "string", "minLength": 1, "description": "A glob of files, relative to the folder of this config file." }, "namespace": { "type": "string" }, "kind": { "type": "string" }, "name": { "type": "string" }, "reason": { "type": "string", "minLength": 3, "description": "Why the findings are accepted." }, "expires": { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "description": "The last day the entry suppresses (YYYY-MM-DD); after it, the entry is reported (STS902)." } } } } } };
var func2 = require_ucs2length().default;
var pattern0 = new RegExp("^1\\.[0-9]+$", "u");
var pattern1 = new RegExp("^eks\\.[0-9]+$", "u");
var pattern2 = new RegExp("^[a-z]{2}(-[a-z]+)+-[0-9]+$", "u");
var pattern3 = new RegExp("^STS[0-9]{3}$", "u");
var pattern6 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "clusters" || key0 === "rules" || key0 === "testCode" || key0 === "ignorePaths" || key0 === "ignore")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.clusters !== void 0) {
      let data0 = data.clusters;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.name === void 0) {
              const err1 = { instancePath: instancePath + "/clusters/" + i0, schemaPath: "#/properties/clusters/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (data1.paths === void 0) {
              const err2 = { instancePath: instancePath + "/clusters/" + i0, schemaPath: "#/properties/clusters/items/required", keyword: "required", params: { missingProperty: "paths" }, message: "must have required property 'paths'" };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            for (const key1 in data1) {
              if (!(key1 === "name" || key1 === "kubernetesVersion" || key1 === "platformVersion" || key1 === "region" || key1 === "paths")) {
                const err3 = { instancePath: instancePath + "/clusters/" + i0, schemaPath: "#/properties/clusters/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
            if (data1.name !== void 0) {
              let data2 = data1.name;
              if (typeof data2 === "string") {
                if (func2(data2) < 1) {
                  const err4 = { instancePath: instancePath + "/clusters/" + i0 + "/name", schemaPath: "#/properties/clusters/items/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              } else {
                const err5 = { instancePath: instancePath + "/clusters/" + i0 + "/name", schemaPath: "#/properties/clusters/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
            if (data1.kubernetesVersion !== void 0) {
              let data3 = data1.kubernetesVersion;
              if (typeof data3 === "string") {
                if (!pattern0.test(data3)) {
                  const err6 = { instancePath: instancePath + "/clusters/" + i0 + "/kubernetesVersion", schemaPath: "#/properties/clusters/items/properties/kubernetesVersion/pattern", keyword: "pattern", params: { pattern: "^1\\.[0-9]+$" }, message: 'must match pattern "^1\\.[0-9]+$"' };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
              } else {
                const err7 = { instancePath: instancePath + "/clusters/" + i0 + "/kubernetesVersion", schemaPath: "#/properties/clusters/items/properties/kubernetesVersion/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
            if (data1.platformVersion !== void 0) {
              let data4 = data1.platformVersion;
              if (typeof data4 === "string") {
                if (!pattern1.test(data4)) {
                  const err8 = { instancePath: instancePath + "/clusters/" + i0 + "/platformVersion", schemaPath: "#/properties/clusters/items/properties/platformVersion/pattern", keyword: "pattern", params: { pattern: "^eks\\.[0-9]+$" }, message: 'must match pattern "^eks\\.[0-9]+$"' };
                  if (vErrors === null) {
                    vErrors = [err8];
                  } else {
                    vErrors.push(err8);
                  }
                  errors++;
                }
              } else {
                const err9 = { instancePath: instancePath + "/clusters/" + i0 + "/platformVersion", schemaPath: "#/properties/clusters/items/properties/platformVersion/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
            if (data1.region !== void 0) {
              let data5 = data1.region;
              if (typeof data5 === "string") {
                if (!pattern2.test(data5)) {
                  const err10 = { instancePath: instancePath + "/clusters/" + i0 + "/region", schemaPath: "#/properties/clusters/items/properties/region/pattern", keyword: "pattern", params: { pattern: "^[a-z]{2}(-[a-z]+)+-[0-9]+$" }, message: 'must match pattern "^[a-z]{2}(-[a-z]+)+-[0-9]+$"' };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              } else {
                const err11 = { instancePath: instancePath + "/clusters/" + i0 + "/region", schemaPath: "#/properties/clusters/items/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            if (data1.paths !== void 0) {
              let data6 = data1.paths;
              if (Array.isArray(data6)) {
                if (data6.length < 1) {
                  const err12 = { instancePath: instancePath + "/clusters/" + i0 + "/paths", schemaPath: "#/properties/clusters/items/properties/paths/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
                const len1 = data6.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  let data7 = data6[i1];
                  if (typeof data7 === "string") {
                    if (func2(data7) < 1) {
                      const err13 = { instancePath: instancePath + "/clusters/" + i0 + "/paths/" + i1, schemaPath: "#/properties/clusters/items/properties/paths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err13];
                      } else {
                        vErrors.push(err13);
                      }
                      errors++;
                    }
                  } else {
                    const err14 = { instancePath: instancePath + "/clusters/" + i0 + "/paths/" + i1, schemaPath: "#/properties/clusters/items/properties/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err14];
                    } else {
                      vErrors.push(err14);
                    }
                    errors++;
                  }
                }
              } else {
                const err15 = { instancePath: instancePath + "/clusters/" + i0 + "/paths", schemaPath: "#/properties/clusters/items/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
          } else {
            const err16 = { instancePath: instancePath + "/clusters/" + i0, schemaPath: "#/properties/clusters/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/clusters", schemaPath: "#/properties/clusters/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.rules !== void 0) {
      let data8 = data.rules;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        for (const key2 in data8) {
          const _errs21 = errors;
          if (typeof key2 === "string") {
            if (!pattern3.test(key2)) {
              const err18 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/propertyNames/pattern", keyword: "pattern", params: { pattern: "^STS[0-9]{3}$" }, message: 'must match pattern "^STS[0-9]{3}$"', propertyName: key2 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          }
          var valid6 = _errs21 === errors;
          if (!valid6) {
            const err19 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/propertyNames", keyword: "propertyNames", params: { propertyName: key2 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        for (const key3 in data8) {
          let data9 = data8[key3];
          if (!(data9 === "off" || data9 === "error" || data9 === "warning" || data9 === "note")) {
            const err20 = { instancePath: instancePath + "/rules/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.additionalProperties.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.testCode !== void 0) {
      let data10 = data.testCode;
      if (!(data10 === "note" || data10 === "code")) {
        const err22 = { instancePath: instancePath + "/testCode", schemaPath: "#/properties/testCode/enum", keyword: "enum", params: { allowedValues: schema11.properties.testCode.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.ignorePaths !== void 0) {
      let data11 = data.ignorePaths;
      if (Array.isArray(data11)) {
        const len2 = data11.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data12 = data11[i2];
          if (typeof data12 === "string") {
            if (func2(data12) < 1) {
              const err23 = { instancePath: instancePath + "/ignorePaths/" + i2, schemaPath: "#/properties/ignorePaths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/ignorePaths/" + i2, schemaPath: "#/properties/ignorePaths/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
      } else {
        const err25 = { instancePath: instancePath + "/ignorePaths", schemaPath: "#/properties/ignorePaths/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.ignore !== void 0) {
      let data13 = data.ignore;
      if (Array.isArray(data13)) {
        const len3 = data13.length;
        for (let i3 = 0; i3 < len3; i3++) {
          let data14 = data13[i3];
          const _errs33 = errors;
          let valid12 = false;
          const _errs34 = errors;
          if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
            if (data14.rule === void 0) {
              const err26 = { instancePath: instancePath + "/ignore/" + i3, schemaPath: "#/properties/ignore/items/anyOf/0/required", keyword: "required", params: { missingProperty: "rule" }, message: "must have required property 'rule'" };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
          var _valid0 = _errs34 === errors;
          valid12 = valid12 || _valid0;
          if (!valid12) {
            const _errs35 = errors;
            if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
              if (data14.path === void 0) {
                const err27 = { instancePath: instancePath + "/ignore/" + i3, schemaPath: "#/properties/ignore/items/anyOf/1/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            var _valid0 = _errs35 === errors;
            valid12 = valid12 || _valid0;
            if (!valid12) {
              const _errs36 = errors;
              if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                if (data14.namespace === void 0) {
                  const err28 = { instancePath: instancePath + "/ignore/" + i3, schemaPath: "#/properties/ignore/items/anyOf/2/required", keyword: "required", params: { missingProperty: "namespace" }, message: "must have required property 'namespace'" };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              }
              var _valid0 = _errs36 === errors;
              valid12 = valid12 || _valid0;
              if (!valid12) {
                const _errs37 = errors;
                if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                  if (data14.kind === void 0) {
                    const err29 = { instancePath: instancePath + "/ignore/" + i3, schemaPath: "#/properties/ignore/items/anyOf/3/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
                    if (vErrors === null) {
                      vErrors = [err29];
                    } else {
                      vErrors.push(err29);
                    }
                    errors++;
                  }
                }
                var _valid0 = _errs37 === errors;
                valid12 = valid12 || _valid0;
                if (!valid12) {
                  const _errs38 = errors;
                  if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                    if (data14.name === void 0) {
                      const err30 = { instancePath: instancePath + "/ignore/" + i3, schemaPath: "#/properties/ignore/items/anyOf/4/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
                      if (vErrors === null) {
                        vErrors = [err30];
                      } else {
                        vErrors.push(err30);
                      }
                      errors++;
                    }
                  }
                  var _valid0 = _errs38 === errors;
                  valid12 = valid12 || _valid0;
                }
              }
            }
          }
          if (!valid12) {
            const err31 = { instancePath: instancePath + "/ignore/" + i3, schemaPath: "#/properties/ignore/items/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          } else {
            errors = _errs33;
            if (vErrors !== null) {
              if (_errs33) {
                vErrors.length = _errs33;
              } else {
                vErrors = null;
              }
            }
          }
          if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
            if (data14.reason === void 0) {
              const err32 = { instancePath: instancePath + "/ignore/" + i3, schemaPath: "#/properties/ignore/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
            for (const key4 in data14) {
              if (!(key4 === "rule" || key4 === "path" || key4 === "namespace" || key4 === "kind" || key4 === "name" || key4 === "reason" || key4 === "expires")) {
                const err33 = { instancePath: instancePath + "/ignore/" + i3, schemaPath: "#/properties/ignore/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data14.rule !== void 0) {
              let data15 = data14.rule;
              const _errs41 = errors;
              let valid14 = false;
              let passing0 = null;
              const _errs42 = errors;
              if (typeof data15 === "string") {
                if (!pattern3.test(data15)) {
                  const err34 = { instancePath: instancePath + "/ignore/" + i3 + "/rule", schemaPath: "#/properties/ignore/items/properties/rule/oneOf/0/pattern", keyword: "pattern", params: { pattern: "^STS[0-9]{3}$" }, message: 'must match pattern "^STS[0-9]{3}$"' };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
              } else {
                const err35 = { instancePath: instancePath + "/ignore/" + i3 + "/rule", schemaPath: "#/properties/ignore/items/properties/rule/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
              var _valid1 = _errs42 === errors;
              if (_valid1) {
                valid14 = true;
                passing0 = 0;
              }
              const _errs44 = errors;
              if (Array.isArray(data15)) {
                if (data15.length < 1) {
                  const err36 = { instancePath: instancePath + "/ignore/" + i3 + "/rule", schemaPath: "#/properties/ignore/items/properties/rule/oneOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors++;
                }
                const len4 = data15.length;
                for (let i4 = 0; i4 < len4; i4++) {
                  let data16 = data15[i4];
                  if (typeof data16 === "string") {
                    if (!pattern3.test(data16)) {
                      const err37 = { instancePath: instancePath + "/ignore/" + i3 + "/rule/" + i4, schemaPath: "#/properties/ignore/items/properties/rule/oneOf/1/items/pattern", keyword: "pattern", params: { pattern: "^STS[0-9]{3}$" }, message: 'must match pattern "^STS[0-9]{3}$"' };
                      if (vErrors === null) {
                        vErrors = [err37];
                      } else {
                        vErrors.push(err37);
                      }
                      errors++;
                    }
                  } else {
                    const err38 = { instancePath: instancePath + "/ignore/" + i3 + "/rule/" + i4, schemaPath: "#/properties/ignore/items/properties/rule/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err38];
                    } else {
                      vErrors.push(err38);
                    }
                    errors++;
                  }
                }
              } else {
                const err39 = { instancePath: instancePath + "/ignore/" + i3 + "/rule", schemaPath: "#/properties/ignore/items/properties/rule/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
              var _valid1 = _errs44 === errors;
              if (_valid1 && valid14) {
                valid14 = false;
                passing0 = [passing0, 1];
              } else {
                if (_valid1) {
                  valid14 = true;
                  passing0 = 1;
                }
              }
              if (!valid14) {
                const err40 = { instancePath: instancePath + "/ignore/" + i3 + "/rule", schemaPath: "#/properties/ignore/items/properties/rule/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                if (vErrors === null) {
                  vErrors = [err40];
                } else {
                  vErrors.push(err40);
                }
                errors++;
              } else {
                errors = _errs41;
                if (vErrors !== null) {
                  if (_errs41) {
                    vErrors.length = _errs41;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data14.path !== void 0) {
              let data17 = data14.path;
              if (typeof data17 === "string") {
                if (func2(data17) < 1) {
                  const err41 = { instancePath: instancePath + "/ignore/" + i3 + "/path", schemaPath: "#/properties/ignore/items/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err41];
                  } else {
                    vErrors.push(err41);
                  }
                  errors++;
                }
              } else {
                const err42 = { instancePath: instancePath + "/ignore/" + i3 + "/path", schemaPath: "#/properties/ignore/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
            }
            if (data14.namespace !== void 0) {
              if (typeof data14.namespace !== "string") {
                const err43 = { instancePath: instancePath + "/ignore/" + i3 + "/namespace", schemaPath: "#/properties/ignore/items/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
            }
            if (data14.kind !== void 0) {
              if (typeof data14.kind !== "string") {
                const err44 = { instancePath: instancePath + "/ignore/" + i3 + "/kind", schemaPath: "#/properties/ignore/items/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
            }
            if (data14.name !== void 0) {
              if (typeof data14.name !== "string") {
                const err45 = { instancePath: instancePath + "/ignore/" + i3 + "/name", schemaPath: "#/properties/ignore/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
            if (data14.reason !== void 0) {
              let data21 = data14.reason;
              if (typeof data21 === "string") {
                if (func2(data21) < 3) {
                  const err46 = { instancePath: instancePath + "/ignore/" + i3 + "/reason", schemaPath: "#/properties/ignore/items/properties/reason/minLength", keyword: "minLength", params: { limit: 3 }, message: "must NOT have fewer than 3 characters" };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
              } else {
                const err47 = { instancePath: instancePath + "/ignore/" + i3 + "/reason", schemaPath: "#/properties/ignore/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
            if (data14.expires !== void 0) {
              let data22 = data14.expires;
              if (typeof data22 === "string") {
                if (!pattern6.test(data22)) {
                  const err48 = { instancePath: instancePath + "/ignore/" + i3 + "/expires", schemaPath: "#/properties/ignore/items/properties/expires/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
              } else {
                const err49 = { instancePath: instancePath + "/ignore/" + i3 + "/expires", schemaPath: "#/properties/ignore/items/properties/expires/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
          } else {
            const err50 = { instancePath: instancePath + "/ignore/" + i3, schemaPath: "#/properties/ignore/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
      } else {
        const err51 = { instancePath: instancePath + "/ignore", schemaPath: "#/properties/ignore/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err51];
        } else {
          vErrors.push(err51);
        }
        errors++;
      }
    }
  } else {
    const err52 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err52];
    } else {
      vErrors.push(err52);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
