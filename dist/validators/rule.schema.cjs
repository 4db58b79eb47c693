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

// node_modules/.validators/rule.schema.cjs
module.exports = validate10;
module.exports.default = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://sts-audit.dev/schemas/rule.schema.json", "title": "sts-audit rule metadata", "description": "One rule of the catalogue: its names, level, texts and tags. Messages and the remediation may name {{placeholders}} that the rule fills in.", "type": "object", "additionalProperties": false, "required": ["id", "name", "level", "shortDescription", "fullDescription", "messages", "remediation", "help", "tags", "precision", "securitySeverity"], "properties": { "id": { "type": "string", "pattern": "^STS[0-9]{3}$" }, "name": { "type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, "level": { "$ref": "#/definitions/level" }, "shortDescription": { "type": "string", "minLength": 10, "maxLength": 200 }, "fullDescription": { "type": "string", "minLength": 20 }, "messages": { "type": "object", "minProperties": 1, "propertyNames": { "pattern": "^[a-z][a-zA-Z0-9]*$" }, "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["text"], "properties": { "text": { "type": "string", "minLength": 10 }, "level": { "$ref": "#/definitions/level" }, "remediation": { "type": "string", "minLength": 10, "description": "The fix for this message, where it differs from the rule's remediation." } } } }, "remediation": { "type": "string", "minLength": 10 }, "help": { "type": "string", "minLength": 40, "description": "Markdown: why it matters, how to fix it, a bad and a good example." }, "tags": { "type": "array", "items": { "type": "string" }, "contains": { "const": "security" }, "uniqueItems": true }, "cwe": { "type": "string", "pattern": "^CWE-[0-9]+$" }, "precisionBasis": { "type": "string", "minLength": 1, "description": "What the precision rests on: what was measured, on what, and when." }, "precision": { "enum": ["very-high", "high", "medium", "low"] }, "securitySeverity": { "type": "string", "pattern": "^(10(\\.0)?|[0-9](\\.[0-9])?)$" }, "kinds": { "type": "array", "items": { "type": "string", "pattern": "^[A-Z][A-Za-z0-9]*$" }, "minItems": 1, "uniqueItems": true, "description": "The object kinds the rule checks: the runner runs it on objects of these kinds only, and objects of other kinds are not kept for it." }, "category": { "enum": ["code", "dependencies", "suppressions"], "description": "What a rule that checks no object reads: source and config files (code), dependency manifests (dependencies), or the suppressions themselves (the engine's own rules)." } }, "oneOf": [{ "properties": { "kinds": true }, "required": ["kinds"] }, { "properties": { "category": true }, "required": ["category"] }], "definitions": { "level": { "enum": ["error", "warning", "note"] } } };
var schema12 = { "enum": ["error", "warning", "note"] };
var func2 = Object.prototype.hasOwnProperty;
var func3 = require_ucs2length().default;
var pattern0 = new RegExp("^STS[0-9]{3}$", "u");
var pattern1 = new RegExp("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "u");
var pattern2 = new RegExp("^[a-z][a-zA-Z0-9]*$", "u");
var pattern3 = new RegExp("^CWE-[0-9]+$", "u");
var pattern4 = new RegExp("^(10(\\.0)?|[0-9](\\.[0-9])?)$", "u");
var pattern5 = new RegExp("^[A-Z][A-Za-z0-9]*$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kinds === void 0) {
      const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "kinds" }, message: "must have required property 'kinds'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var _valid0 = _errs2 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.category === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "category" }, message: "must have required property 'category'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  }
  var _valid0 = _errs3 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err2 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  } else {
    errors = _errs1;
    if (vErrors !== null) {
      if (_errs1) {
        vErrors.length = _errs1;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.level === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "level" }, message: "must have required property 'level'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.shortDescription === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "shortDescription" }, message: "must have required property 'shortDescription'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.fullDescription === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "fullDescription" }, message: "must have required property 'fullDescription'" };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.messages === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "messages" }, message: "must have required property 'messages'" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.remediation === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "remediation" }, message: "must have required property 'remediation'" };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.help === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "help" }, message: "must have required property 'help'" };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.tags === void 0) {
      const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tags" }, message: "must have required property 'tags'" };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    if (data.precision === void 0) {
      const err12 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "precision" }, message: "must have required property 'precision'" };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    if (data.securitySeverity === void 0) {
      const err13 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "securitySeverity" }, message: "must have required property 'securitySeverity'" };
      if (vErrors === null) {
        vErrors = [err13];
      } else {
        vErrors.push(err13);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err14 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern0.test(data0)) {
          const err15 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^STS[0-9]{3}$" }, message: 'must match pattern "^STS[0-9]{3}$"' };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (!pattern1.test(data1)) {
          const err17 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" }, message: 'must match pattern "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"' };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.level !== void 0) {
      let data2 = data.level;
      if (!(data2 === "error" || data2 === "warning" || data2 === "note")) {
        const err19 = { instancePath: instancePath + "/level", schemaPath: "#/definitions/level/enum", keyword: "enum", params: { allowedValues: schema12.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.shortDescription !== void 0) {
      let data3 = data.shortDescription;
      if (typeof data3 === "string") {
        if (func3(data3) > 200) {
          const err20 = { instancePath: instancePath + "/shortDescription", schemaPath: "#/properties/shortDescription/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (func3(data3) < 10) {
          const err21 = { instancePath: instancePath + "/shortDescription", schemaPath: "#/properties/shortDescription/minLength", keyword: "minLength", params: { limit: 10 }, message: "must NOT have fewer than 10 characters" };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = { instancePath: instancePath + "/shortDescription", schemaPath: "#/properties/shortDescription/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.fullDescription !== void 0) {
      let data4 = data.fullDescription;
      if (typeof data4 === "string") {
        if (func3(data4) < 20) {
          const err23 = { instancePath: instancePath + "/fullDescription", schemaPath: "#/properties/fullDescription/minLength", keyword: "minLength", params: { limit: 20 }, message: "must NOT have fewer than 20 characters" };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      } else {
        const err24 = { instancePath: instancePath + "/fullDescription", schemaPath: "#/properties/fullDescription/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.messages !== void 0) {
      let data5 = data.messages;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (Object.keys(data5).length < 1) {
          const err25 = { instancePath: instancePath + "/messages", schemaPath: "#/properties/messages/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
        for (const key1 in data5) {
          const _errs17 = errors;
          if (typeof key1 === "string") {
            if (!pattern2.test(key1)) {
              const err26 = { instancePath: instancePath + "/messages", schemaPath: "#/properties/messages/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-zA-Z0-9]*$" }, message: 'must match pattern "^[a-z][a-zA-Z0-9]*$"', propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
          var valid3 = _errs17 === errors;
          if (!valid3) {
            const err27 = { instancePath: instancePath + "/messages", schemaPath: "#/properties/messages/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
        for (const key2 in data5) {
          let data6 = data5[key2];
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            if (data6.text === void 0) {
              const err28 = { instancePath: instancePath + "/messages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/messages/additionalProperties/required", keyword: "required", params: { missingProperty: "text" }, message: "must have required property 'text'" };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
            for (const key3 in data6) {
              if (!(key3 === "text" || key3 === "level" || key3 === "remediation")) {
                const err29 = { instancePath: instancePath + "/messages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/messages/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data6.text !== void 0) {
              let data7 = data6.text;
              if (typeof data7 === "string") {
                if (func3(data7) < 10) {
                  const err30 = { instancePath: instancePath + "/messages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/text", schemaPath: "#/properties/messages/additionalProperties/properties/text/minLength", keyword: "minLength", params: { limit: 10 }, message: "must NOT have fewer than 10 characters" };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/messages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/text", schemaPath: "#/properties/messages/additionalProperties/properties/text/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data6.level !== void 0) {
              let data8 = data6.level;
              if (!(data8 === "error" || data8 === "warning" || data8 === "note")) {
                const err32 = { instancePath: instancePath + "/messages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/level", schemaPath: "#/definitions/level/enum", keyword: "enum", params: { allowedValues: schema12.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            }
            if (data6.remediation !== void 0) {
              let data9 = data6.remediation;
              if (typeof data9 === "string") {
                if (func3(data9) < 10) {
                  const err33 = { instancePath: instancePath + "/messages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/remediation", schemaPath: "#/properties/messages/additionalProperties/properties/remediation/minLength", keyword: "minLength", params: { limit: 10 }, message: "must NOT have fewer than 10 characters" };
                  if (vErrors === null) {
                    vErrors = [err33];
                  } else {
                    vErrors.push(err33);
                  }
                  errors++;
                }
              } else {
                const err34 = { instancePath: instancePath + "/messages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/remediation", schemaPath: "#/properties/messages/additionalProperties/properties/remediation/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            }
          } else {
            const err35 = { instancePath: instancePath + "/messages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/messages/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
      } else {
        const err36 = { instancePath: instancePath + "/messages", schemaPath: "#/properties/messages/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
    }
    if (data.remediation !== void 0) {
      let data10 = data.remediation;
      if (typeof data10 === "string") {
        if (func3(data10) < 10) {
          const err37 = { instancePath: instancePath + "/remediation", schemaPath: "#/properties/remediation/minLength", keyword: "minLength", params: { limit: 10 }, message: "must NOT have fewer than 10 characters" };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
      } else {
        const err38 = { instancePath: instancePath + "/remediation", schemaPath: "#/properties/remediation/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
    if (data.help !== void 0) {
      let data11 = data.help;
      if (typeof data11 === "string") {
        if (func3(data11) < 40) {
          const err39 = { instancePath: instancePath + "/help", schemaPath: "#/properties/help/minLength", keyword: "minLength", params: { limit: 40 }, message: "must NOT have fewer than 40 characters" };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
      } else {
        const err40 = { instancePath: instancePath + "/help", schemaPath: "#/properties/help/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
    }
    if (data.tags !== void 0) {
      let data12 = data.tags;
      if (Array.isArray(data12)) {
        const len0 = data12.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (typeof data12[i0] !== "string") {
            const err41 = { instancePath: instancePath + "/tags/" + i0, schemaPath: "#/properties/tags/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
        }
        const _errs36 = errors;
        const len1 = data12.length;
        for (let i1 = 0; i1 < len1; i1++) {
          const _errs37 = errors;
          if ("security" !== data12[i1]) {
            const err42 = { instancePath: instancePath + "/tags/" + i1, schemaPath: "#/properties/tags/contains/const", keyword: "const", params: { allowedValue: "security" }, message: "must be equal to constant" };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
          var valid9 = _errs37 === errors;
          if (valid9) {
            break;
          }
        }
        if (!valid9) {
          const err43 = { instancePath: instancePath + "/tags", schemaPath: "#/properties/tags/contains", keyword: "contains", params: { minContains: 1 }, message: "must contain at least 1 valid item(s)" };
          if (vErrors === null) {
            vErrors = [err43];
          } else {
            vErrors.push(err43);
          }
          errors++;
        } else {
          errors = _errs36;
          if (vErrors !== null) {
            if (_errs36) {
              vErrors.length = _errs36;
            } else {
              vErrors = null;
            }
          }
        }
        let i2 = data12.length;
        let j0;
        if (i2 > 1) {
          const indices0 = {};
          for (; i2--; ) {
            let item0 = data12[i2];
            if (typeof item0 !== "string") {
              continue;
            }
            if (typeof indices0[item0] == "number") {
              j0 = indices0[item0];
              const err44 = { instancePath: instancePath + "/tags", schemaPath: "#/properties/tags/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)" };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
              break;
            }
            indices0[item0] = i2;
          }
        }
      } else {
        const err45 = { instancePath: instancePath + "/tags", schemaPath: "#/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.cwe !== void 0) {
      let data15 = data.cwe;
      if (typeof data15 === "string") {
        if (!pattern3.test(data15)) {
          const err46 = { instancePath: instancePath + "/cwe", schemaPath: "#/properties/cwe/pattern", keyword: "pattern", params: { pattern: "^CWE-[0-9]+$" }, message: 'must match pattern "^CWE-[0-9]+$"' };
          if (vErrors === null) {
            vErrors = [err46];
          } else {
            vErrors.push(err46);
          }
          errors++;
        }
      } else {
        const err47 = { instancePath: instancePath + "/cwe", schemaPath: "#/properties/cwe/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
    if (data.precisionBasis !== void 0) {
      let data16 = data.precisionBasis;
      if (typeof data16 === "string") {
        if (func3(data16) < 1) {
          const err48 = { instancePath: instancePath + "/precisionBasis", schemaPath: "#/properties/precisionBasis/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err48];
          } else {
            vErrors.push(err48);
          }
          errors++;
        }
      } else {
        const err49 = { instancePath: instancePath + "/precisionBasis", schemaPath: "#/properties/precisionBasis/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.precision !== void 0) {
      let data17 = data.precision;
      if (!(data17 === "very-high" || data17 === "high" || data17 === "medium" || data17 === "low")) {
        const err50 = { instancePath: instancePath + "/precision", schemaPath: "#/properties/precision/enum", keyword: "enum", params: { allowedValues: schema11.properties.precision.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
    }
    if (data.securitySeverity !== void 0) {
      let data18 = data.securitySeverity;
      if (typeof data18 === "string") {
        if (!pattern4.test(data18)) {
          const err51 = { instancePath: instancePath + "/securitySeverity", schemaPath: "#/properties/securitySeverity/pattern", keyword: "pattern", params: { pattern: "^(10(\\.0)?|[0-9](\\.[0-9])?)$" }, message: 'must match pattern "^(10(\\.0)?|[0-9](\\.[0-9])?)$"' };
          if (vErrors === null) {
            vErrors = [err51];
          } else {
            vErrors.push(err51);
          }
          errors++;
        }
      } else {
        const err52 = { instancePath: instancePath + "/securitySeverity", schemaPath: "#/properties/securitySeverity/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err52];
        } else {
          vErrors.push(err52);
        }
        errors++;
      }
    }
    if (data.kinds !== void 0) {
      let data19 = data.kinds;
      if (Array.isArray(data19)) {
        if (data19.length < 1) {
          const err53 = { instancePath: instancePath + "/kinds", schemaPath: "#/properties/kinds/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors++;
        }
        const len2 = data19.length;
        for (let i3 = 0; i3 < len2; i3++) {
          let data20 = data19[i3];
          if (typeof data20 === "string") {
            if (!pattern5.test(data20)) {
              const err54 = { instancePath: instancePath + "/kinds/" + i3, schemaPath: "#/properties/kinds/items/pattern", keyword: "pattern", params: { pattern: "^[A-Z][A-Za-z0-9]*$" }, message: 'must match pattern "^[A-Z][A-Za-z0-9]*$"' };
              if (vErrors === null) {
                vErrors = [err54];
              } else {
                vErrors.push(err54);
              }
              errors++;
            }
          } else {
            const err55 = { instancePath: instancePath + "/kinds/" + i3, schemaPath: "#/properties/kinds/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
        let i4 = data19.length;
        let j1;
        if (i4 > 1) {
          const indices1 = {};
          for (; i4--; ) {
            let item1 = data19[i4];
            if (typeof item1 !== "string") {
              continue;
            }
            if (typeof indices1[item1] == "number") {
              j1 = indices1[item1];
              const err56 = { instancePath: instancePath + "/kinds", schemaPath: "#/properties/kinds/uniqueItems", keyword: "uniqueItems", params: { i: i4, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i4 + " are identical)" };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
              break;
            }
            indices1[item1] = i4;
          }
        }
      } else {
        const err57 = { instancePath: instancePath + "/kinds", schemaPath: "#/properties/kinds/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err57];
        } else {
          vErrors.push(err57);
        }
        errors++;
      }
    }
    if (data.category !== void 0) {
      let data21 = data.category;
      if (!(data21 === "code" || data21 === "dependencies" || data21 === "suppressions")) {
        const err58 = { instancePath: instancePath + "/category", schemaPath: "#/properties/category/enum", keyword: "enum", params: { allowedValues: schema11.properties.category.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err58];
        } else {
          vErrors.push(err58);
        }
        errors++;
      }
    }
  } else {
    const err59 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err59];
    } else {
      vErrors.push(err59);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
