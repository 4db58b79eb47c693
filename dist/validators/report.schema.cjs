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

// node_modules/.validators/report.schema.cjs
module.exports = validate10;
module.exports.default = validate10;
var schema12 = { "type": "object", "additionalProperties": false, "required": ["name", "kubernetesVersion", "platformVersion", "region", "defaultEndpoint", "source", "assumptions"], "properties": { "name": { "type": "string" }, "kubernetesVersion": { "type": ["string", "null"], "pattern": "^1\\.[0-9]+$", "description": "null: unknown, a current cluster assumed." }, "platformVersion": { "type": ["string", "null"], "pattern": "^eks\\.[0-9]+$", "description": "null: unknown, the newest for the Kubernetes version assumed." }, "region": { "type": ["string", "null"] }, "defaultEndpoint": { "enum": ["regional", "global", "unsupported"] }, "source": { "enum": ["flag", "config", "eksctl", "terraform", "api", "assumed"] }, "assumptions": { "type": "array", "items": { "type": "string" } } } };
var schema17 = { "description": "How an object comes to exist: the kind of input that declares it.", "enum": ["manifest", "kustomize", "helm-chart", "helm-values", "helmfile", "argocd", "flux", "terraform", "eksctl", "cdk", "pulumi"] };
var pattern0 = new RegExp("^1\\.[0-9]+$", "u");
var pattern1 = new RegExp("^eks\\.[0-9]+$", "u");
var schema13 = { "type": "object", "additionalProperties": false, "required": ["ruleId", "ruleName", "level", "message", "remediation", "fingerprint", "suppressed"], "properties": { "ruleId": { "type": "string", "pattern": "^STS[0-9]{3}$" }, "ruleName": { "type": "string" }, "level": { "$ref": "#/definitions/level" }, "message": { "type": "string", "minLength": 1 }, "remediation": { "type": "string", "minLength": 1 }, "location": { "description": "Where the finding is in a scanned file.", "$ref": "#/definitions/location" }, "renderedLocation": { "description": "Of a live object, which has no file: where the finding is in the object as YAML, the text --dump-objects writes at this path and SARIF points into.", "$ref": "#/definitions/location" }, "object": { "type": "object", "additionalProperties": false, "required": ["apiVersion", "kind", "name", "cluster"], "properties": { "apiVersion": { "type": "string" }, "kind": { "type": "string" }, "namespace": { "type": "string" }, "name": { "type": "string" }, "cluster": { "type": "string" } } }, "fingerprint": { "type": "string", "pattern": "^[0-9a-f]{32}$" }, "suppressed": { "oneOf": [{ "type": "null" }, { "type": "object", "additionalProperties": false, "required": ["kind", "reason"], "properties": { "kind": { "enum": ["annotation", "inline", "config", "baseline"] }, "reason": { "type": "string" }, "expires": { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" } } }] } } };
var schema14 = { "enum": ["error", "warning", "note"] };
var func2 = Object.prototype.hasOwnProperty;
var func3 = require_ucs2length().default;
var pattern2 = new RegExp("^STS[0-9]{3}$", "u");
var pattern3 = new RegExp("^[0-9a-f]+:[0-9]+$", "u");
var pattern5 = new RegExp("^[0-9a-f]{32}$", "u");
var pattern6 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.ruleId === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "ruleId" }, message: "must have required property 'ruleId'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.ruleName === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "ruleName" }, message: "must have required property 'ruleName'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.level === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "level" }, message: "must have required property 'level'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.message === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.remediation === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "remediation" }, message: "must have required property 'remediation'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.fingerprint === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "fingerprint" }, message: "must have required property 'fingerprint'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.suppressed === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "suppressed" }, message: "must have required property 'suppressed'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema13.properties, key0)) {
        const err7 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.ruleId !== void 0) {
      let data0 = data.ruleId;
      if (typeof data0 === "string") {
        if (!pattern2.test(data0)) {
          const err8 = { instancePath: instancePath + "/ruleId", schemaPath: "#/properties/ruleId/pattern", keyword: "pattern", params: { pattern: "^STS[0-9]{3}$" }, message: 'must match pattern "^STS[0-9]{3}$"' };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/ruleId", schemaPath: "#/properties/ruleId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.ruleName !== void 0) {
      if (typeof data.ruleName !== "string") {
        const err10 = { instancePath: instancePath + "/ruleName", schemaPath: "#/properties/ruleName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.level !== void 0) {
      let data2 = data.level;
      if (!(data2 === "error" || data2 === "warning" || data2 === "note")) {
        const err11 = { instancePath: instancePath + "/level", schemaPath: "#/definitions/level/enum", keyword: "enum", params: { allowedValues: schema14.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.message !== void 0) {
      let data3 = data.message;
      if (typeof data3 === "string") {
        if (func3(data3) < 1) {
          const err12 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.remediation !== void 0) {
      let data4 = data.remediation;
      if (typeof data4 === "string") {
        if (func3(data4) < 1) {
          const err14 = { instancePath: instancePath + "/remediation", schemaPath: "#/properties/remediation/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/remediation", schemaPath: "#/properties/remediation/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.location !== void 0) {
      let data5 = data.location;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.path === void 0) {
          const err16 = { instancePath: instancePath + "/location", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
        if (data5.startLine === void 0) {
          const err17 = { instancePath: instancePath + "/location", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "startLine" }, message: "must have required property 'startLine'" };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (data5.startColumn === void 0) {
          const err18 = { instancePath: instancePath + "/location", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "startColumn" }, message: "must have required property 'startColumn'" };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (data5.endLine === void 0) {
          const err19 = { instancePath: instancePath + "/location", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "endLine" }, message: "must have required property 'endLine'" };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        if (data5.endColumn === void 0) {
          const err20 = { instancePath: instancePath + "/location", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "endColumn" }, message: "must have required property 'endColumn'" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        for (const key1 in data5) {
          if (!(key1 === "path" || key1 === "startLine" || key1 === "startColumn" || key1 === "endLine" || key1 === "endColumn" || key1 === "snippet" || key1 === "snippetColumn" || key1 === "lineHash")) {
            const err21 = { instancePath: instancePath + "/location", schemaPath: "#/definitions/location/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data5.path !== void 0) {
          let data6 = data5.path;
          if (typeof data6 === "string") {
            if (func3(data6) < 1) {
              const err22 = { instancePath: instancePath + "/location/path", schemaPath: "#/definitions/location/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
          } else {
            const err23 = { instancePath: instancePath + "/location/path", schemaPath: "#/definitions/location/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data5.startLine !== void 0) {
          let data7 = data5.startLine;
          if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
            const err24 = { instancePath: instancePath + "/location/startLine", schemaPath: "#/definitions/location/properties/startLine/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
          if (typeof data7 == "number" && isFinite(data7)) {
            if (data7 < 1 || isNaN(data7)) {
              const err25 = { instancePath: instancePath + "/location/startLine", schemaPath: "#/definitions/location/properties/startLine/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          }
        }
        if (data5.startColumn !== void 0) {
          let data8 = data5.startColumn;
          if (!(typeof data8 == "number" && (!(data8 % 1) && !isNaN(data8)) && isFinite(data8))) {
            const err26 = { instancePath: instancePath + "/location/startColumn", schemaPath: "#/definitions/location/properties/startColumn/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
          if (typeof data8 == "number" && isFinite(data8)) {
            if (data8 < 1 || isNaN(data8)) {
              const err27 = { instancePath: instancePath + "/location/startColumn", schemaPath: "#/definitions/location/properties/startColumn/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          }
        }
        if (data5.endLine !== void 0) {
          let data9 = data5.endLine;
          if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
            const err28 = { instancePath: instancePath + "/location/endLine", schemaPath: "#/definitions/location/properties/endLine/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
          if (typeof data9 == "number" && isFinite(data9)) {
            if (data9 < 1 || isNaN(data9)) {
              const err29 = { instancePath: instancePath + "/location/endLine", schemaPath: "#/definitions/location/properties/endLine/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
          }
        }
        if (data5.endColumn !== void 0) {
          let data10 = data5.endColumn;
          if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)) && isFinite(data10))) {
            const err30 = { instancePath: instancePath + "/location/endColumn", schemaPath: "#/definitions/location/properties/endColumn/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
          if (typeof data10 == "number" && isFinite(data10)) {
            if (data10 < 1 || isNaN(data10)) {
              const err31 = { instancePath: instancePath + "/location/endColumn", schemaPath: "#/definitions/location/properties/endColumn/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          }
        }
        if (data5.snippet !== void 0) {
          if (typeof data5.snippet !== "string") {
            const err32 = { instancePath: instancePath + "/location/snippet", schemaPath: "#/definitions/location/properties/snippet/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data5.snippetColumn !== void 0) {
          let data12 = data5.snippetColumn;
          if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
            const err33 = { instancePath: instancePath + "/location/snippetColumn", schemaPath: "#/definitions/location/properties/snippetColumn/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
          if (typeof data12 == "number" && isFinite(data12)) {
            if (data12 < 1 || isNaN(data12)) {
              const err34 = { instancePath: instancePath + "/location/snippetColumn", schemaPath: "#/definitions/location/properties/snippetColumn/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors++;
            }
          }
        }
        if (data5.lineHash !== void 0) {
          let data13 = data5.lineHash;
          if (typeof data13 === "string") {
            if (!pattern3.test(data13)) {
              const err35 = { instancePath: instancePath + "/location/lineHash", schemaPath: "#/definitions/location/properties/lineHash/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]+:[0-9]+$" }, message: 'must match pattern "^[0-9a-f]+:[0-9]+$"' };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          } else {
            const err36 = { instancePath: instancePath + "/location/lineHash", schemaPath: "#/definitions/location/properties/lineHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
      } else {
        const err37 = { instancePath: instancePath + "/location", schemaPath: "#/definitions/location/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.renderedLocation !== void 0) {
      let data14 = data.renderedLocation;
      if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
        if (data14.path === void 0) {
          const err38 = { instancePath: instancePath + "/renderedLocation", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
        if (data14.startLine === void 0) {
          const err39 = { instancePath: instancePath + "/renderedLocation", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "startLine" }, message: "must have required property 'startLine'" };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
        if (data14.startColumn === void 0) {
          const err40 = { instancePath: instancePath + "/renderedLocation", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "startColumn" }, message: "must have required property 'startColumn'" };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
        if (data14.endLine === void 0) {
          const err41 = { instancePath: instancePath + "/renderedLocation", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "endLine" }, message: "must have required property 'endLine'" };
          if (vErrors === null) {
            vErrors = [err41];
          } else {
            vErrors.push(err41);
          }
          errors++;
        }
        if (data14.endColumn === void 0) {
          const err42 = { instancePath: instancePath + "/renderedLocation", schemaPath: "#/definitions/location/required", keyword: "required", params: { missingProperty: "endColumn" }, message: "must have required property 'endColumn'" };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
        for (const key2 in data14) {
          if (!(key2 === "path" || key2 === "startLine" || key2 === "startColumn" || key2 === "endLine" || key2 === "endColumn" || key2 === "snippet" || key2 === "snippetColumn" || key2 === "lineHash")) {
            const err43 = { instancePath: instancePath + "/renderedLocation", schemaPath: "#/definitions/location/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
        if (data14.path !== void 0) {
          let data15 = data14.path;
          if (typeof data15 === "string") {
            if (func3(data15) < 1) {
              const err44 = { instancePath: instancePath + "/renderedLocation/path", schemaPath: "#/definitions/location/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          } else {
            const err45 = { instancePath: instancePath + "/renderedLocation/path", schemaPath: "#/definitions/location/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
        if (data14.startLine !== void 0) {
          let data16 = data14.startLine;
          if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
            const err46 = { instancePath: instancePath + "/renderedLocation/startLine", schemaPath: "#/definitions/location/properties/startLine/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
          if (typeof data16 == "number" && isFinite(data16)) {
            if (data16 < 1 || isNaN(data16)) {
              const err47 = { instancePath: instancePath + "/renderedLocation/startLine", schemaPath: "#/definitions/location/properties/startLine/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
          }
        }
        if (data14.startColumn !== void 0) {
          let data17 = data14.startColumn;
          if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
            const err48 = { instancePath: instancePath + "/renderedLocation/startColumn", schemaPath: "#/definitions/location/properties/startColumn/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
          if (typeof data17 == "number" && isFinite(data17)) {
            if (data17 < 1 || isNaN(data17)) {
              const err49 = { instancePath: instancePath + "/renderedLocation/startColumn", schemaPath: "#/definitions/location/properties/startColumn/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
          }
        }
        if (data14.endLine !== void 0) {
          let data18 = data14.endLine;
          if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
            const err50 = { instancePath: instancePath + "/renderedLocation/endLine", schemaPath: "#/definitions/location/properties/endLine/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
          if (typeof data18 == "number" && isFinite(data18)) {
            if (data18 < 1 || isNaN(data18)) {
              const err51 = { instancePath: instancePath + "/renderedLocation/endLine", schemaPath: "#/definitions/location/properties/endLine/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
          }
        }
        if (data14.endColumn !== void 0) {
          let data19 = data14.endColumn;
          if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
            const err52 = { instancePath: instancePath + "/renderedLocation/endColumn", schemaPath: "#/definitions/location/properties/endColumn/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          }
          if (typeof data19 == "number" && isFinite(data19)) {
            if (data19 < 1 || isNaN(data19)) {
              const err53 = { instancePath: instancePath + "/renderedLocation/endColumn", schemaPath: "#/definitions/location/properties/endColumn/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          }
        }
        if (data14.snippet !== void 0) {
          if (typeof data14.snippet !== "string") {
            const err54 = { instancePath: instancePath + "/renderedLocation/snippet", schemaPath: "#/definitions/location/properties/snippet/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
        if (data14.snippetColumn !== void 0) {
          let data21 = data14.snippetColumn;
          if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21))) {
            const err55 = { instancePath: instancePath + "/renderedLocation/snippetColumn", schemaPath: "#/definitions/location/properties/snippetColumn/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
          if (typeof data21 == "number" && isFinite(data21)) {
            if (data21 < 1 || isNaN(data21)) {
              const err56 = { instancePath: instancePath + "/renderedLocation/snippetColumn", schemaPath: "#/definitions/location/properties/snippetColumn/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
          }
        }
        if (data14.lineHash !== void 0) {
          let data22 = data14.lineHash;
          if (typeof data22 === "string") {
            if (!pattern3.test(data22)) {
              const err57 = { instancePath: instancePath + "/renderedLocation/lineHash", schemaPath: "#/definitions/location/properties/lineHash/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]+:[0-9]+$" }, message: 'must match pattern "^[0-9a-f]+:[0-9]+$"' };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
          } else {
            const err58 = { instancePath: instancePath + "/renderedLocation/lineHash", schemaPath: "#/definitions/location/properties/lineHash/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
        }
      } else {
        const err59 = { instancePath: instancePath + "/renderedLocation", schemaPath: "#/definitions/location/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err59];
        } else {
          vErrors.push(err59);
        }
        errors++;
      }
    }
    if (data.object !== void 0) {
      let data23 = data.object;
      if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
        if (data23.apiVersion === void 0) {
          const err60 = { instancePath: instancePath + "/object", schemaPath: "#/properties/object/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'" };
          if (vErrors === null) {
            vErrors = [err60];
          } else {
            vErrors.push(err60);
          }
          errors++;
        }
        if (data23.kind === void 0) {
          const err61 = { instancePath: instancePath + "/object", schemaPath: "#/properties/object/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
          if (vErrors === null) {
            vErrors = [err61];
          } else {
            vErrors.push(err61);
          }
          errors++;
        }
        if (data23.name === void 0) {
          const err62 = { instancePath: instancePath + "/object", schemaPath: "#/properties/object/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          if (vErrors === null) {
            vErrors = [err62];
          } else {
            vErrors.push(err62);
          }
          errors++;
        }
        if (data23.cluster === void 0) {
          const err63 = { instancePath: instancePath + "/object", schemaPath: "#/properties/object/required", keyword: "required", params: { missingProperty: "cluster" }, message: "must have required property 'cluster'" };
          if (vErrors === null) {
            vErrors = [err63];
          } else {
            vErrors.push(err63);
          }
          errors++;
        }
        for (const key3 in data23) {
          if (!(key3 === "apiVersion" || key3 === "kind" || key3 === "namespace" || key3 === "name" || key3 === "cluster")) {
            const err64 = { instancePath: instancePath + "/object", schemaPath: "#/properties/object/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err64];
            } else {
              vErrors.push(err64);
            }
            errors++;
          }
        }
        if (data23.apiVersion !== void 0) {
          if (typeof data23.apiVersion !== "string") {
            const err65 = { instancePath: instancePath + "/object/apiVersion", schemaPath: "#/properties/object/properties/apiVersion/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
        }
        if (data23.kind !== void 0) {
          if (typeof data23.kind !== "string") {
            const err66 = { instancePath: instancePath + "/object/kind", schemaPath: "#/properties/object/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
        if (data23.namespace !== void 0) {
          if (typeof data23.namespace !== "string") {
            const err67 = { instancePath: instancePath + "/object/namespace", schemaPath: "#/properties/object/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
        if (data23.name !== void 0) {
          if (typeof data23.name !== "string") {
            const err68 = { instancePath: instancePath + "/object/name", schemaPath: "#/properties/object/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
        }
        if (data23.cluster !== void 0) {
          if (typeof data23.cluster !== "string") {
            const err69 = { instancePath: instancePath + "/object/cluster", schemaPath: "#/properties/object/properties/cluster/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          }
        }
      } else {
        const err70 = { instancePath: instancePath + "/object", schemaPath: "#/properties/object/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err70];
        } else {
          vErrors.push(err70);
        }
        errors++;
      }
    }
    if (data.fingerprint !== void 0) {
      let data29 = data.fingerprint;
      if (typeof data29 === "string") {
        if (!pattern5.test(data29)) {
          const err71 = { instancePath: instancePath + "/fingerprint", schemaPath: "#/properties/fingerprint/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{32}$" }, message: 'must match pattern "^[0-9a-f]{32}$"' };
          if (vErrors === null) {
            vErrors = [err71];
          } else {
            vErrors.push(err71);
          }
          errors++;
        }
      } else {
        const err72 = { instancePath: instancePath + "/fingerprint", schemaPath: "#/properties/fingerprint/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err72];
        } else {
          vErrors.push(err72);
        }
        errors++;
      }
    }
    if (data.suppressed !== void 0) {
      let data30 = data.suppressed;
      const _errs68 = errors;
      let valid7 = false;
      let passing0 = null;
      const _errs69 = errors;
      if (data30 !== null) {
        const err73 = { instancePath: instancePath + "/suppressed", schemaPath: "#/properties/suppressed/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
        if (vErrors === null) {
          vErrors = [err73];
        } else {
          vErrors.push(err73);
        }
        errors++;
      }
      var _valid0 = _errs69 === errors;
      if (_valid0) {
        valid7 = true;
        passing0 = 0;
      }
      const _errs71 = errors;
      if (data30 && typeof data30 == "object" && !Array.isArray(data30)) {
        if (data30.kind === void 0) {
          const err74 = { instancePath: instancePath + "/suppressed", schemaPath: "#/properties/suppressed/oneOf/1/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
          if (vErrors === null) {
            vErrors = [err74];
          } else {
            vErrors.push(err74);
          }
          errors++;
        }
        if (data30.reason === void 0) {
          const err75 = { instancePath: instancePath + "/suppressed", schemaPath: "#/properties/suppressed/oneOf/1/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
          if (vErrors === null) {
            vErrors = [err75];
          } else {
            vErrors.push(err75);
          }
          errors++;
        }
        for (const key4 in data30) {
          if (!(key4 === "kind" || key4 === "reason" || key4 === "expires")) {
            const err76 = { instancePath: instancePath + "/suppressed", schemaPath: "#/properties/suppressed/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err76];
            } else {
              vErrors.push(err76);
            }
            errors++;
          }
        }
        if (data30.kind !== void 0) {
          let data31 = data30.kind;
          if (!(data31 === "annotation" || data31 === "inline" || data31 === "config" || data31 === "baseline")) {
            const err77 = { instancePath: instancePath + "/suppressed/kind", schemaPath: "#/properties/suppressed/oneOf/1/properties/kind/enum", keyword: "enum", params: { allowedValues: schema13.properties.suppressed.oneOf[1].properties.kind.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err77];
            } else {
              vErrors.push(err77);
            }
            errors++;
          }
        }
        if (data30.reason !== void 0) {
          if (typeof data30.reason !== "string") {
            const err78 = { instancePath: instancePath + "/suppressed/reason", schemaPath: "#/properties/suppressed/oneOf/1/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err78];
            } else {
              vErrors.push(err78);
            }
            errors++;
          }
        }
        if (data30.expires !== void 0) {
          let data33 = data30.expires;
          if (typeof data33 === "string") {
            if (!pattern6.test(data33)) {
              const err79 = { instancePath: instancePath + "/suppressed/expires", schemaPath: "#/properties/suppressed/oneOf/1/properties/expires/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' };
              if (vErrors === null) {
                vErrors = [err79];
              } else {
                vErrors.push(err79);
              }
              errors++;
            }
          } else {
            const err80 = { instancePath: instancePath + "/suppressed/expires", schemaPath: "#/properties/suppressed/oneOf/1/properties/expires/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err80];
            } else {
              vErrors.push(err80);
            }
            errors++;
          }
        }
      } else {
        const err81 = { instancePath: instancePath + "/suppressed", schemaPath: "#/properties/suppressed/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err81];
        } else {
          vErrors.push(err81);
        }
        errors++;
      }
      var _valid0 = _errs71 === errors;
      if (_valid0 && valid7) {
        valid7 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid7 = true;
          passing0 = 1;
        }
      }
      if (!valid7) {
        const err82 = { instancePath: instancePath + "/suppressed", schemaPath: "#/properties/suppressed/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
        if (vErrors === null) {
          vErrors = [err82];
        } else {
          vErrors.push(err82);
        }
        errors++;
      } else {
        errors = _errs68;
        if (vErrors !== null) {
          if (_errs68) {
            vErrors.length = _errs68;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err83 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err83];
    } else {
      vErrors.push(err83);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var schema19 = { "type": "object", "additionalProperties": false, "required": ["path", "line", "column", "input", "name", "roleArn", "profile"], "properties": { "path": { "type": "string", "description": "The file that sets its role (the values file, the eksctl config, the program), relative to the root." }, "line": { "type": "integer", "minimum": 1 }, "column": { "type": "integer", "minimum": 1 }, "input": { "$ref": "#/definitions/inputKind" }, "builtBy": { "type": "string", "description": "How it comes to exist, when not written as an object of its own." }, "namespace": { "type": "string" }, "name": { "type": "string" }, "roleArn": { "type": "string", "description": "The role as written: an ARN, a placeholder, an expression, or the role a tool creates." }, "endpoint": { "type": "object", "additionalProperties": false, "required": ["value", "path", "line", "column"], "description": "Its eks.amazonaws.com/sts-regional-endpoints annotation as written, and where; absent when not set.", "properties": { "value": {}, "path": { "type": "string" }, "line": { "type": "integer", "minimum": 1 }, "column": { "type": "integer", "minimum": 1 } } }, "profile": { "type": "object", "additionalProperties": false, "required": ["name", "kubernetesVersion", "source"], "description": "The cluster profile it was judged against (see profiles).", "properties": { "name": { "type": "string" }, "kubernetesVersion": { "type": ["string", "null"] }, "source": { "$ref": "#/definitions/profile/properties/source" } } }, "assumptions": { "type": "array", "items": { "type": "string" }, "description": "What was assumed to model it from its declaration." } } };
var schema21 = { "enum": ["flag", "config", "eksctl", "terraform", "api", "assumed"] };
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.path === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.line === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "line" }, message: "must have required property 'line'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.column === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "column" }, message: "must have required property 'column'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.input === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "input" }, message: "must have required property 'input'" };
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
    if (data.roleArn === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "roleArn" }, message: "must have required property 'roleArn'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.profile === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "profile" }, message: "must have required property 'profile'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema19.properties, key0)) {
        const err7 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      if (typeof data.path !== "string") {
        const err8 = { instancePath: instancePath + "/path", schemaPath: "#/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.line !== void 0) {
      let data1 = data.line;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err9 = { instancePath: instancePath + "/line", schemaPath: "#/properties/line/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 < 1 || isNaN(data1)) {
          const err10 = { instancePath: instancePath + "/line", schemaPath: "#/properties/line/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      }
    }
    if (data.column !== void 0) {
      let data2 = data.column;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err11 = { instancePath: instancePath + "/column", schemaPath: "#/properties/column/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err12 = { instancePath: instancePath + "/column", schemaPath: "#/properties/column/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      }
    }
    if (data.input !== void 0) {
      let data3 = data.input;
      if (!(data3 === "manifest" || data3 === "kustomize" || data3 === "helm-chart" || data3 === "helm-values" || data3 === "helmfile" || data3 === "argocd" || data3 === "flux" || data3 === "terraform" || data3 === "eksctl" || data3 === "cdk" || data3 === "pulumi")) {
        const err13 = { instancePath: instancePath + "/input", schemaPath: "#/definitions/inputKind/enum", keyword: "enum", params: { allowedValues: schema17.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.builtBy !== void 0) {
      if (typeof data.builtBy !== "string") {
        const err14 = { instancePath: instancePath + "/builtBy", schemaPath: "#/properties/builtBy/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.namespace !== void 0) {
      if (typeof data.namespace !== "string") {
        const err15 = { instancePath: instancePath + "/namespace", schemaPath: "#/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      if (typeof data.name !== "string") {
        const err16 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.roleArn !== void 0) {
      if (typeof data.roleArn !== "string") {
        const err17 = { instancePath: instancePath + "/roleArn", schemaPath: "#/properties/roleArn/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.endpoint !== void 0) {
      let data8 = data.endpoint;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        if (data8.value === void 0) {
          const err18 = { instancePath: instancePath + "/endpoint", schemaPath: "#/properties/endpoint/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'" };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (data8.path === void 0) {
          const err19 = { instancePath: instancePath + "/endpoint", schemaPath: "#/properties/endpoint/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        if (data8.line === void 0) {
          const err20 = { instancePath: instancePath + "/endpoint", schemaPath: "#/properties/endpoint/required", keyword: "required", params: { missingProperty: "line" }, message: "must have required property 'line'" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (data8.column === void 0) {
          const err21 = { instancePath: instancePath + "/endpoint", schemaPath: "#/properties/endpoint/required", keyword: "required", params: { missingProperty: "column" }, message: "must have required property 'column'" };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        for (const key1 in data8) {
          if (!(key1 === "value" || key1 === "path" || key1 === "line" || key1 === "column")) {
            const err22 = { instancePath: instancePath + "/endpoint", schemaPath: "#/properties/endpoint/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data8.path !== void 0) {
          if (typeof data8.path !== "string") {
            const err23 = { instancePath: instancePath + "/endpoint/path", schemaPath: "#/properties/endpoint/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data8.line !== void 0) {
          let data10 = data8.line;
          if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)) && isFinite(data10))) {
            const err24 = { instancePath: instancePath + "/endpoint/line", schemaPath: "#/properties/endpoint/properties/line/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
          if (typeof data10 == "number" && isFinite(data10)) {
            if (data10 < 1 || isNaN(data10)) {
              const err25 = { instancePath: instancePath + "/endpoint/line", schemaPath: "#/properties/endpoint/properties/line/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          }
        }
        if (data8.column !== void 0) {
          let data11 = data8.column;
          if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
            const err26 = { instancePath: instancePath + "/endpoint/column", schemaPath: "#/properties/endpoint/properties/column/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
          if (typeof data11 == "number" && isFinite(data11)) {
            if (data11 < 1 || isNaN(data11)) {
              const err27 = { instancePath: instancePath + "/endpoint/column", schemaPath: "#/properties/endpoint/properties/column/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/endpoint", schemaPath: "#/properties/endpoint/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.profile !== void 0) {
      let data12 = data.profile;
      if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
        if (data12.name === void 0) {
          const err29 = { instancePath: instancePath + "/profile", schemaPath: "#/properties/profile/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
        if (data12.kubernetesVersion === void 0) {
          const err30 = { instancePath: instancePath + "/profile", schemaPath: "#/properties/profile/required", keyword: "required", params: { missingProperty: "kubernetesVersion" }, message: "must have required property 'kubernetesVersion'" };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
        if (data12.source === void 0) {
          const err31 = { instancePath: instancePath + "/profile", schemaPath: "#/properties/profile/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property 'source'" };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
        for (const key2 in data12) {
          if (!(key2 === "name" || key2 === "kubernetesVersion" || key2 === "source")) {
            const err32 = { instancePath: instancePath + "/profile", schemaPath: "#/properties/profile/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data12.name !== void 0) {
          if (typeof data12.name !== "string") {
            const err33 = { instancePath: instancePath + "/profile/name", schemaPath: "#/properties/profile/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        if (data12.kubernetesVersion !== void 0) {
          let data14 = data12.kubernetesVersion;
          if (typeof data14 !== "string" && data14 !== null) {
            const err34 = { instancePath: instancePath + "/profile/kubernetesVersion", schemaPath: "#/properties/profile/properties/kubernetesVersion/type", keyword: "type", params: { type: schema19.properties.profile.properties.kubernetesVersion.type }, message: "must be string,null" };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data12.source !== void 0) {
          let data15 = data12.source;
          if (!(data15 === "flag" || data15 === "config" || data15 === "eksctl" || data15 === "terraform" || data15 === "api" || data15 === "assumed")) {
            const err35 = { instancePath: instancePath + "/profile/source", schemaPath: "#/definitions/profile/properties/source/enum", keyword: "enum", params: { allowedValues: schema21.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
      } else {
        const err36 = { instancePath: instancePath + "/profile", schemaPath: "#/properties/profile/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
    }
    if (data.assumptions !== void 0) {
      let data16 = data.assumptions;
      if (Array.isArray(data16)) {
        const len0 = data16.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (typeof data16[i0] !== "string") {
            const err37 = { instancePath: instancePath + "/assumptions/" + i0, schemaPath: "#/properties/assumptions/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
      } else {
        const err38 = { instancePath: instancePath + "/assumptions", schemaPath: "#/properties/assumptions/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
  } else {
    const err39 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err39];
    } else {
      vErrors.push(err39);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.schemaVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "schemaVersion" }, message: "must have required property 'schemaVersion'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.tool === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tool" }, message: "must have required property 'tool'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.profiles === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "profiles" }, message: "must have required property 'profiles'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.findings === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "findings" }, message: "must have required property 'findings'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.inputs === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "inputs" }, message: "must have required property 'inputs'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.summary === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "summary" }, message: "must have required property 'summary'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "schemaVersion" || key0 === "tool" || key0 === "profiles" || key0 === "findings" || key0 === "inputs" || key0 === "inventory" || key0 === "summary")) {
        const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.schemaVersion !== void 0) {
      if ("1" !== data.schemaVersion) {
        const err7 = { instancePath: instancePath + "/schemaVersion", schemaPath: "#/properties/schemaVersion/const", keyword: "const", params: { allowedValue: "1" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.tool !== void 0) {
      let data1 = data.tool;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.name === void 0) {
          const err8 = { instancePath: instancePath + "/tool", schemaPath: "#/properties/tool/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (data1.version === void 0) {
          const err9 = { instancePath: instancePath + "/tool", schemaPath: "#/properties/tool/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "name" || key1 === "version")) {
            const err10 = { instancePath: instancePath + "/tool", schemaPath: "#/properties/tool/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data1.name !== void 0) {
          if ("sts-audit" !== data1.name) {
            const err11 = { instancePath: instancePath + "/tool/name", schemaPath: "#/properties/tool/properties/name/const", keyword: "const", params: { allowedValue: "sts-audit" }, message: "must be equal to constant" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data1.version !== void 0) {
          if (typeof data1.version !== "string") {
            const err12 = { instancePath: instancePath + "/tool/version", schemaPath: "#/properties/tool/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/tool", schemaPath: "#/properties/tool/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.profiles !== void 0) {
      let data4 = data.profiles;
      if (Array.isArray(data4)) {
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data5 = data4[i0];
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.name === void 0) {
              const err14 = { instancePath: instancePath + "/profiles/" + i0, schemaPath: "#/definitions/profile/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            if (data5.kubernetesVersion === void 0) {
              const err15 = { instancePath: instancePath + "/profiles/" + i0, schemaPath: "#/definitions/profile/required", keyword: "required", params: { missingProperty: "kubernetesVersion" }, message: "must have required property 'kubernetesVersion'" };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
            if (data5.platformVersion === void 0) {
              const err16 = { instancePath: instancePath + "/profiles/" + i0, schemaPath: "#/definitions/profile/required", keyword: "required", params: { missingProperty: "platformVersion" }, message: "must have required property 'platformVersion'" };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            if (data5.region === void 0) {
              const err17 = { instancePath: instancePath + "/profiles/" + i0, schemaPath: "#/definitions/profile/required", keyword: "required", params: { missingProperty: "region" }, message: "must have required property 'region'" };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            if (data5.defaultEndpoint === void 0) {
              const err18 = { instancePath: instancePath + "/profiles/" + i0, schemaPath: "#/definitions/profile/required", keyword: "required", params: { missingProperty: "defaultEndpoint" }, message: "must have required property 'defaultEndpoint'" };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
            if (data5.source === void 0) {
              const err19 = { instancePath: instancePath + "/profiles/" + i0, schemaPath: "#/definitions/profile/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property 'source'" };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
            if (data5.assumptions === void 0) {
              const err20 = { instancePath: instancePath + "/profiles/" + i0, schemaPath: "#/definitions/profile/required", keyword: "required", params: { missingProperty: "assumptions" }, message: "must have required property 'assumptions'" };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
            for (const key2 in data5) {
              if (!(key2 === "name" || key2 === "kubernetesVersion" || key2 === "platformVersion" || key2 === "region" || key2 === "defaultEndpoint" || key2 === "source" || key2 === "assumptions")) {
                const err21 = { instancePath: instancePath + "/profiles/" + i0, schemaPath: "#/definitions/profile/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
            if (data5.name !== void 0) {
              if (typeof data5.name !== "string") {
                const err22 = { instancePath: instancePath + "/profiles/" + i0 + "/name", schemaPath: "#/definitions/profile/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data5.kubernetesVersion !== void 0) {
              let data7 = data5.kubernetesVersion;
              if (typeof data7 !== "string" && data7 !== null) {
                const err23 = { instancePath: instancePath + "/profiles/" + i0 + "/kubernetesVersion", schemaPath: "#/definitions/profile/properties/kubernetesVersion/type", keyword: "type", params: { type: schema12.properties.kubernetesVersion.type }, message: "must be string,null" };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
              if (typeof data7 === "string") {
                if (!pattern0.test(data7)) {
                  const err24 = { instancePath: instancePath + "/profiles/" + i0 + "/kubernetesVersion", schemaPath: "#/definitions/profile/properties/kubernetesVersion/pattern", keyword: "pattern", params: { pattern: "^1\\.[0-9]+$" }, message: 'must match pattern "^1\\.[0-9]+$"' };
                  if (vErrors === null) {
                    vErrors = [err24];
                  } else {
                    vErrors.push(err24);
                  }
                  errors++;
                }
              }
            }
            if (data5.platformVersion !== void 0) {
              let data8 = data5.platformVersion;
              if (typeof data8 !== "string" && data8 !== null) {
                const err25 = { instancePath: instancePath + "/profiles/" + i0 + "/platformVersion", schemaPath: "#/definitions/profile/properties/platformVersion/type", keyword: "type", params: { type: schema12.properties.platformVersion.type }, message: "must be string,null" };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
              if (typeof data8 === "string") {
                if (!pattern1.test(data8)) {
                  const err26 = { instancePath: instancePath + "/profiles/" + i0 + "/platformVersion", schemaPath: "#/definitions/profile/properties/platformVersion/pattern", keyword: "pattern", params: { pattern: "^eks\\.[0-9]+$" }, message: 'must match pattern "^eks\\.[0-9]+$"' };
                  if (vErrors === null) {
                    vErrors = [err26];
                  } else {
                    vErrors.push(err26);
                  }
                  errors++;
                }
              }
            }
            if (data5.region !== void 0) {
              let data9 = data5.region;
              if (typeof data9 !== "string" && data9 !== null) {
                const err27 = { instancePath: instancePath + "/profiles/" + i0 + "/region", schemaPath: "#/definitions/profile/properties/region/type", keyword: "type", params: { type: schema12.properties.region.type }, message: "must be string,null" };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data5.defaultEndpoint !== void 0) {
              let data10 = data5.defaultEndpoint;
              if (!(data10 === "regional" || data10 === "global" || data10 === "unsupported")) {
                const err28 = { instancePath: instancePath + "/profiles/" + i0 + "/defaultEndpoint", schemaPath: "#/definitions/profile/properties/defaultEndpoint/enum", keyword: "enum", params: { allowedValues: schema12.properties.defaultEndpoint.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
            if (data5.source !== void 0) {
              let data11 = data5.source;
              if (!(data11 === "flag" || data11 === "config" || data11 === "eksctl" || data11 === "terraform" || data11 === "api" || data11 === "assumed")) {
                const err29 = { instancePath: instancePath + "/profiles/" + i0 + "/source", schemaPath: "#/definitions/profile/properties/source/enum", keyword: "enum", params: { allowedValues: schema12.properties.source.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data5.assumptions !== void 0) {
              let data12 = data5.assumptions;
              if (Array.isArray(data12)) {
                const len1 = data12.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  if (typeof data12[i1] !== "string") {
                    const err30 = { instancePath: instancePath + "/profiles/" + i0 + "/assumptions/" + i1, schemaPath: "#/definitions/profile/properties/assumptions/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err30];
                    } else {
                      vErrors.push(err30);
                    }
                    errors++;
                  }
                }
              } else {
                const err31 = { instancePath: instancePath + "/profiles/" + i0 + "/assumptions", schemaPath: "#/definitions/profile/properties/assumptions/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
          } else {
            const err32 = { instancePath: instancePath + "/profiles/" + i0, schemaPath: "#/definitions/profile/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
      } else {
        const err33 = { instancePath: instancePath + "/profiles", schemaPath: "#/properties/profiles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
    if (data.findings !== void 0) {
      let data14 = data.findings;
      if (Array.isArray(data14)) {
        const len2 = data14.length;
        for (let i2 = 0; i2 < len2; i2++) {
          if (!validate11(data14[i2], { instancePath: instancePath + "/findings/" + i2, parentData: data14, parentDataProperty: i2, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err34 = { instancePath: instancePath + "/findings", schemaPath: "#/properties/findings/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.inputs !== void 0) {
      let data16 = data.inputs;
      if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
        if (data16.files === void 0) {
          const err35 = { instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'" };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
        if (data16.documents === void 0) {
          const err36 = { instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/required", keyword: "required", params: { missingProperty: "documents" }, message: "must have required property 'documents'" };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
        if (data16.objects === void 0) {
          const err37 = { instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/required", keyword: "required", params: { missingProperty: "objects" }, message: "must have required property 'objects'" };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
        if (data16.skipped === void 0) {
          const err38 = { instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/required", keyword: "required", params: { missingProperty: "skipped" }, message: "must have required property 'skipped'" };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
        if (data16.errors === void 0) {
          const err39 = { instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/required", keyword: "required", params: { missingProperty: "errors" }, message: "must have required property 'errors'" };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
        for (const key3 in data16) {
          if (!(key3 === "files" || key3 === "documents" || key3 === "objects" || key3 === "skipped" || key3 === "testCode" || key3 === "unanalysed" || key3 === "errors" || key3 === "serviceAccounts")) {
            const err40 = { instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data16.files !== void 0) {
          let data17 = data16.files;
          if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
            const err41 = { instancePath: instancePath + "/inputs/files", schemaPath: "#/properties/inputs/properties/files/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
          if (typeof data17 == "number" && isFinite(data17)) {
            if (data17 < 0 || isNaN(data17)) {
              const err42 = { instancePath: instancePath + "/inputs/files", schemaPath: "#/properties/inputs/properties/files/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
          }
        }
        if (data16.documents !== void 0) {
          let data18 = data16.documents;
          if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
            const err43 = { instancePath: instancePath + "/inputs/documents", schemaPath: "#/properties/inputs/properties/documents/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
          if (typeof data18 == "number" && isFinite(data18)) {
            if (data18 < 0 || isNaN(data18)) {
              const err44 = { instancePath: instancePath + "/inputs/documents", schemaPath: "#/properties/inputs/properties/documents/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          }
        }
        if (data16.objects !== void 0) {
          let data19 = data16.objects;
          if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
            const err45 = { instancePath: instancePath + "/inputs/objects", schemaPath: "#/properties/inputs/properties/objects/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
          if (typeof data19 == "number" && isFinite(data19)) {
            if (data19 < 0 || isNaN(data19)) {
              const err46 = { instancePath: instancePath + "/inputs/objects", schemaPath: "#/properties/inputs/properties/objects/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err46];
              } else {
                vErrors.push(err46);
              }
              errors++;
            }
          }
        }
        if (data16.skipped !== void 0) {
          let data20 = data16.skipped;
          if (Array.isArray(data20)) {
            const len3 = data20.length;
            for (let i3 = 0; i3 < len3; i3++) {
              let data21 = data20[i3];
              if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
                if (data21.path === void 0) {
                  const err47 = { instancePath: instancePath + "/inputs/skipped/" + i3, schemaPath: "#/properties/inputs/properties/skipped/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
                if (data21.reason === void 0) {
                  const err48 = { instancePath: instancePath + "/inputs/skipped/" + i3, schemaPath: "#/properties/inputs/properties/skipped/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
                for (const key4 in data21) {
                  if (!(key4 === "path" || key4 === "reason")) {
                    const err49 = { instancePath: instancePath + "/inputs/skipped/" + i3, schemaPath: "#/properties/inputs/properties/skipped/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err49];
                    } else {
                      vErrors.push(err49);
                    }
                    errors++;
                  }
                }
                if (data21.path !== void 0) {
                  if (typeof data21.path !== "string") {
                    const err50 = { instancePath: instancePath + "/inputs/skipped/" + i3 + "/path", schemaPath: "#/properties/inputs/properties/skipped/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err50];
                    } else {
                      vErrors.push(err50);
                    }
                    errors++;
                  }
                }
                if (data21.reason !== void 0) {
                  let data23 = data21.reason;
                  if (typeof data23 === "string") {
                    if (func3(data23) < 1) {
                      const err51 = { instancePath: instancePath + "/inputs/skipped/" + i3 + "/reason", schemaPath: "#/properties/inputs/properties/skipped/items/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err51];
                      } else {
                        vErrors.push(err51);
                      }
                      errors++;
                    }
                  } else {
                    const err52 = { instancePath: instancePath + "/inputs/skipped/" + i3 + "/reason", schemaPath: "#/properties/inputs/properties/skipped/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err52];
                    } else {
                      vErrors.push(err52);
                    }
                    errors++;
                  }
                }
              } else {
                const err53 = { instancePath: instancePath + "/inputs/skipped/" + i3, schemaPath: "#/properties/inputs/properties/skipped/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
          } else {
            const err54 = { instancePath: instancePath + "/inputs/skipped", schemaPath: "#/properties/inputs/properties/skipped/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
        if (data16.testCode !== void 0) {
          let data24 = data16.testCode;
          if (Array.isArray(data24)) {
            const len4 = data24.length;
            for (let i4 = 0; i4 < len4; i4++) {
              if (typeof data24[i4] !== "string") {
                const err55 = { instancePath: instancePath + "/inputs/testCode/" + i4, schemaPath: "#/properties/inputs/properties/testCode/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
            }
          } else {
            const err56 = { instancePath: instancePath + "/inputs/testCode", schemaPath: "#/properties/inputs/properties/testCode/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
        }
        if (data16.unanalysed !== void 0) {
          let data26 = data16.unanalysed;
          if (Array.isArray(data26)) {
            const len5 = data26.length;
            for (let i5 = 0; i5 < len5; i5++) {
              let data27 = data26[i5];
              if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
                if (data27.path === void 0) {
                  const err57 = { instancePath: instancePath + "/inputs/unanalysed/" + i5, schemaPath: "#/properties/inputs/properties/unanalysed/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
                  if (vErrors === null) {
                    vErrors = [err57];
                  } else {
                    vErrors.push(err57);
                  }
                  errors++;
                }
                if (data27.kind === void 0) {
                  const err58 = { instancePath: instancePath + "/inputs/unanalysed/" + i5, schemaPath: "#/properties/inputs/properties/unanalysed/items/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
                if (data27.reason === void 0) {
                  const err59 = { instancePath: instancePath + "/inputs/unanalysed/" + i5, schemaPath: "#/properties/inputs/properties/unanalysed/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
                  if (vErrors === null) {
                    vErrors = [err59];
                  } else {
                    vErrors.push(err59);
                  }
                  errors++;
                }
                for (const key5 in data27) {
                  if (!(key5 === "path" || key5 === "line" || key5 === "kind" || key5 === "reason")) {
                    const err60 = { instancePath: instancePath + "/inputs/unanalysed/" + i5, schemaPath: "#/properties/inputs/properties/unanalysed/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err60];
                    } else {
                      vErrors.push(err60);
                    }
                    errors++;
                  }
                }
                if (data27.path !== void 0) {
                  if (typeof data27.path !== "string") {
                    const err61 = { instancePath: instancePath + "/inputs/unanalysed/" + i5 + "/path", schemaPath: "#/properties/inputs/properties/unanalysed/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err61];
                    } else {
                      vErrors.push(err61);
                    }
                    errors++;
                  }
                }
                if (data27.line !== void 0) {
                  let data29 = data27.line;
                  if (!(typeof data29 == "number" && (!(data29 % 1) && !isNaN(data29)) && isFinite(data29))) {
                    const err62 = { instancePath: instancePath + "/inputs/unanalysed/" + i5 + "/line", schemaPath: "#/properties/inputs/properties/unanalysed/items/properties/line/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                      vErrors = [err62];
                    } else {
                      vErrors.push(err62);
                    }
                    errors++;
                  }
                  if (typeof data29 == "number" && isFinite(data29)) {
                    if (data29 < 1 || isNaN(data29)) {
                      const err63 = { instancePath: instancePath + "/inputs/unanalysed/" + i5 + "/line", schemaPath: "#/properties/inputs/properties/unanalysed/items/properties/line/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                      if (vErrors === null) {
                        vErrors = [err63];
                      } else {
                        vErrors.push(err63);
                      }
                      errors++;
                    }
                  }
                }
                if (data27.kind !== void 0) {
                  let data30 = data27.kind;
                  if (!(data30 === "manifest" || data30 === "kustomize" || data30 === "helm-chart" || data30 === "helm-values" || data30 === "helmfile" || data30 === "argocd" || data30 === "flux" || data30 === "terraform" || data30 === "eksctl" || data30 === "cdk" || data30 === "pulumi")) {
                    const err64 = { instancePath: instancePath + "/inputs/unanalysed/" + i5 + "/kind", schemaPath: "#/definitions/inputKind/enum", keyword: "enum", params: { allowedValues: schema17.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err64];
                    } else {
                      vErrors.push(err64);
                    }
                    errors++;
                  }
                }
                if (data27.reason !== void 0) {
                  let data31 = data27.reason;
                  if (typeof data31 === "string") {
                    if (func3(data31) < 1) {
                      const err65 = { instancePath: instancePath + "/inputs/unanalysed/" + i5 + "/reason", schemaPath: "#/properties/inputs/properties/unanalysed/items/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err65];
                      } else {
                        vErrors.push(err65);
                      }
                      errors++;
                    }
                  } else {
                    const err66 = { instancePath: instancePath + "/inputs/unanalysed/" + i5 + "/reason", schemaPath: "#/properties/inputs/properties/unanalysed/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err66];
                    } else {
                      vErrors.push(err66);
                    }
                    errors++;
                  }
                }
              } else {
                const err67 = { instancePath: instancePath + "/inputs/unanalysed/" + i5, schemaPath: "#/properties/inputs/properties/unanalysed/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err67];
                } else {
                  vErrors.push(err67);
                }
                errors++;
              }
            }
          } else {
            const err68 = { instancePath: instancePath + "/inputs/unanalysed", schemaPath: "#/properties/inputs/properties/unanalysed/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
        }
        if (data16.errors !== void 0) {
          let data32 = data16.errors;
          if (Array.isArray(data32)) {
            const len6 = data32.length;
            for (let i6 = 0; i6 < len6; i6++) {
              let data33 = data32[i6];
              if (data33 && typeof data33 == "object" && !Array.isArray(data33)) {
                if (data33.path === void 0) {
                  const err69 = { instancePath: instancePath + "/inputs/errors/" + i6, schemaPath: "#/properties/inputs/properties/errors/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
                  if (vErrors === null) {
                    vErrors = [err69];
                  } else {
                    vErrors.push(err69);
                  }
                  errors++;
                }
                if (data33.message === void 0) {
                  const err70 = { instancePath: instancePath + "/inputs/errors/" + i6, schemaPath: "#/properties/inputs/properties/errors/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
                  if (vErrors === null) {
                    vErrors = [err70];
                  } else {
                    vErrors.push(err70);
                  }
                  errors++;
                }
                for (const key6 in data33) {
                  if (!(key6 === "path" || key6 === "message" || key6 === "line" || key6 === "column")) {
                    const err71 = { instancePath: instancePath + "/inputs/errors/" + i6, schemaPath: "#/properties/inputs/properties/errors/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err71];
                    } else {
                      vErrors.push(err71);
                    }
                    errors++;
                  }
                }
                if (data33.path !== void 0) {
                  if (typeof data33.path !== "string") {
                    const err72 = { instancePath: instancePath + "/inputs/errors/" + i6 + "/path", schemaPath: "#/properties/inputs/properties/errors/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err72];
                    } else {
                      vErrors.push(err72);
                    }
                    errors++;
                  }
                }
                if (data33.message !== void 0) {
                  let data35 = data33.message;
                  if (typeof data35 === "string") {
                    if (func3(data35) < 1) {
                      const err73 = { instancePath: instancePath + "/inputs/errors/" + i6 + "/message", schemaPath: "#/properties/inputs/properties/errors/items/properties/message/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err73];
                      } else {
                        vErrors.push(err73);
                      }
                      errors++;
                    }
                  } else {
                    const err74 = { instancePath: instancePath + "/inputs/errors/" + i6 + "/message", schemaPath: "#/properties/inputs/properties/errors/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err74];
                    } else {
                      vErrors.push(err74);
                    }
                    errors++;
                  }
                }
                if (data33.line !== void 0) {
                  let data36 = data33.line;
                  if (!(typeof data36 == "number" && (!(data36 % 1) && !isNaN(data36)) && isFinite(data36))) {
                    const err75 = { instancePath: instancePath + "/inputs/errors/" + i6 + "/line", schemaPath: "#/properties/inputs/properties/errors/items/properties/line/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                      vErrors = [err75];
                    } else {
                      vErrors.push(err75);
                    }
                    errors++;
                  }
                  if (typeof data36 == "number" && isFinite(data36)) {
                    if (data36 < 1 || isNaN(data36)) {
                      const err76 = { instancePath: instancePath + "/inputs/errors/" + i6 + "/line", schemaPath: "#/properties/inputs/properties/errors/items/properties/line/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                      if (vErrors === null) {
                        vErrors = [err76];
                      } else {
                        vErrors.push(err76);
                      }
                      errors++;
                    }
                  }
                }
                if (data33.column !== void 0) {
                  let data37 = data33.column;
                  if (!(typeof data37 == "number" && (!(data37 % 1) && !isNaN(data37)) && isFinite(data37))) {
                    const err77 = { instancePath: instancePath + "/inputs/errors/" + i6 + "/column", schemaPath: "#/properties/inputs/properties/errors/items/properties/column/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                      vErrors = [err77];
                    } else {
                      vErrors.push(err77);
                    }
                    errors++;
                  }
                  if (typeof data37 == "number" && isFinite(data37)) {
                    if (data37 < 1 || isNaN(data37)) {
                      const err78 = { instancePath: instancePath + "/inputs/errors/" + i6 + "/column", schemaPath: "#/properties/inputs/properties/errors/items/properties/column/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                      if (vErrors === null) {
                        vErrors = [err78];
                      } else {
                        vErrors.push(err78);
                      }
                      errors++;
                    }
                  }
                }
              } else {
                const err79 = { instancePath: instancePath + "/inputs/errors/" + i6, schemaPath: "#/properties/inputs/properties/errors/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              }
            }
          } else {
            const err80 = { instancePath: instancePath + "/inputs/errors", schemaPath: "#/properties/inputs/properties/errors/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err80];
            } else {
              vErrors.push(err80);
            }
            errors++;
          }
        }
        if (data16.serviceAccounts !== void 0) {
          let data38 = data16.serviceAccounts;
          if (data38 && typeof data38 == "object" && !Array.isArray(data38)) {
            for (const key7 in data38) {
              const _errs82 = errors;
              if (!(key7 === "manifest" || key7 === "kustomize" || key7 === "helm-chart" || key7 === "helm-values" || key7 === "helmfile" || key7 === "argocd" || key7 === "flux" || key7 === "terraform" || key7 === "eksctl" || key7 === "cdk" || key7 === "pulumi")) {
                const err81 = { instancePath: instancePath + "/inputs/serviceAccounts", schemaPath: "#/definitions/inputKind/enum", keyword: "enum", params: { allowedValues: schema17.enum }, message: "must be equal to one of the allowed values", propertyName: key7 };
                if (vErrors === null) {
                  vErrors = [err81];
                } else {
                  vErrors.push(err81);
                }
                errors++;
              }
              var valid23 = _errs82 === errors;
              if (!valid23) {
                const err82 = { instancePath: instancePath + "/inputs/serviceAccounts", schemaPath: "#/properties/inputs/properties/serviceAccounts/propertyNames", keyword: "propertyNames", params: { propertyName: key7 }, message: "property name must be valid" };
                if (vErrors === null) {
                  vErrors = [err82];
                } else {
                  vErrors.push(err82);
                }
                errors++;
              }
            }
            for (const key8 in data38) {
              let data39 = data38[key8];
              if (!(typeof data39 == "number" && (!(data39 % 1) && !isNaN(data39)) && isFinite(data39))) {
                const err83 = { instancePath: instancePath + "/inputs/serviceAccounts/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/inputs/properties/serviceAccounts/additionalProperties/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err83];
                } else {
                  vErrors.push(err83);
                }
                errors++;
              }
              if (typeof data39 == "number" && isFinite(data39)) {
                if (data39 < 1 || isNaN(data39)) {
                  const err84 = { instancePath: instancePath + "/inputs/serviceAccounts/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/inputs/properties/serviceAccounts/additionalProperties/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                  if (vErrors === null) {
                    vErrors = [err84];
                  } else {
                    vErrors.push(err84);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err85 = { instancePath: instancePath + "/inputs/serviceAccounts", schemaPath: "#/properties/inputs/properties/serviceAccounts/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err85];
            } else {
              vErrors.push(err85);
            }
            errors++;
          }
        }
      } else {
        const err86 = { instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err86];
        } else {
          vErrors.push(err86);
        }
        errors++;
      }
    }
    if (data.inventory !== void 0) {
      let data40 = data.inventory;
      if (Array.isArray(data40)) {
        const len7 = data40.length;
        for (let i7 = 0; i7 < len7; i7++) {
          if (!validate13(data40[i7], { instancePath: instancePath + "/inventory/" + i7, parentData: data40, parentDataProperty: i7, rootData })) {
            vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err87 = { instancePath: instancePath + "/inventory", schemaPath: "#/properties/inventory/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err87];
        } else {
          vErrors.push(err87);
        }
        errors++;
      }
    }
    if (data.summary !== void 0) {
      let data42 = data.summary;
      if (data42 && typeof data42 == "object" && !Array.isArray(data42)) {
        if (data42.error === void 0) {
          const err88 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: "error" }, message: "must have required property 'error'" };
          if (vErrors === null) {
            vErrors = [err88];
          } else {
            vErrors.push(err88);
          }
          errors++;
        }
        if (data42.warning === void 0) {
          const err89 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: "warning" }, message: "must have required property 'warning'" };
          if (vErrors === null) {
            vErrors = [err89];
          } else {
            vErrors.push(err89);
          }
          errors++;
        }
        if (data42.note === void 0) {
          const err90 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: "note" }, message: "must have required property 'note'" };
          if (vErrors === null) {
            vErrors = [err90];
          } else {
            vErrors.push(err90);
          }
          errors++;
        }
        if (data42.suppressed === void 0) {
          const err91 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: "suppressed" }, message: "must have required property 'suppressed'" };
          if (vErrors === null) {
            vErrors = [err91];
          } else {
            vErrors.push(err91);
          }
          errors++;
        }
        if (data42.complete === void 0) {
          const err92 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/required", keyword: "required", params: { missingProperty: "complete" }, message: "must have required property 'complete'" };
          if (vErrors === null) {
            vErrors = [err92];
          } else {
            vErrors.push(err92);
          }
          errors++;
        }
        for (const key9 in data42) {
          if (!(key9 === "error" || key9 === "warning" || key9 === "note" || key9 === "suppressed" || key9 === "complete" || key9 === "baseline")) {
            const err93 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err93];
            } else {
              vErrors.push(err93);
            }
            errors++;
          }
        }
        if (data42.error !== void 0) {
          let data43 = data42.error;
          if (!(typeof data43 == "number" && (!(data43 % 1) && !isNaN(data43)) && isFinite(data43))) {
            const err94 = { instancePath: instancePath + "/summary/error", schemaPath: "#/properties/summary/properties/error/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err94];
            } else {
              vErrors.push(err94);
            }
            errors++;
          }
          if (typeof data43 == "number" && isFinite(data43)) {
            if (data43 < 0 || isNaN(data43)) {
              const err95 = { instancePath: instancePath + "/summary/error", schemaPath: "#/properties/summary/properties/error/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err95];
              } else {
                vErrors.push(err95);
              }
              errors++;
            }
          }
        }
        if (data42.warning !== void 0) {
          let data44 = data42.warning;
          if (!(typeof data44 == "number" && (!(data44 % 1) && !isNaN(data44)) && isFinite(data44))) {
            const err96 = { instancePath: instancePath + "/summary/warning", schemaPath: "#/properties/summary/properties/warning/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err96];
            } else {
              vErrors.push(err96);
            }
            errors++;
          }
          if (typeof data44 == "number" && isFinite(data44)) {
            if (data44 < 0 || isNaN(data44)) {
              const err97 = { instancePath: instancePath + "/summary/warning", schemaPath: "#/properties/summary/properties/warning/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err97];
              } else {
                vErrors.push(err97);
              }
              errors++;
            }
          }
        }
        if (data42.note !== void 0) {
          let data45 = data42.note;
          if (!(typeof data45 == "number" && (!(data45 % 1) && !isNaN(data45)) && isFinite(data45))) {
            const err98 = { instancePath: instancePath + "/summary/note", schemaPath: "#/properties/summary/properties/note/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err98];
            } else {
              vErrors.push(err98);
            }
            errors++;
          }
          if (typeof data45 == "number" && isFinite(data45)) {
            if (data45 < 0 || isNaN(data45)) {
              const err99 = { instancePath: instancePath + "/summary/note", schemaPath: "#/properties/summary/properties/note/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err99];
              } else {
                vErrors.push(err99);
              }
              errors++;
            }
          }
        }
        if (data42.suppressed !== void 0) {
          let data46 = data42.suppressed;
          if (!(typeof data46 == "number" && (!(data46 % 1) && !isNaN(data46)) && isFinite(data46))) {
            const err100 = { instancePath: instancePath + "/summary/suppressed", schemaPath: "#/properties/summary/properties/suppressed/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err100];
            } else {
              vErrors.push(err100);
            }
            errors++;
          }
          if (typeof data46 == "number" && isFinite(data46)) {
            if (data46 < 0 || isNaN(data46)) {
              const err101 = { instancePath: instancePath + "/summary/suppressed", schemaPath: "#/properties/summary/properties/suppressed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err101];
              } else {
                vErrors.push(err101);
              }
              errors++;
            }
          }
        }
        if (data42.complete !== void 0) {
          if (typeof data42.complete !== "boolean") {
            const err102 = { instancePath: instancePath + "/summary/complete", schemaPath: "#/properties/summary/properties/complete/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
              vErrors = [err102];
            } else {
              vErrors.push(err102);
            }
            errors++;
          }
        }
        if (data42.baseline !== void 0) {
          let data48 = data42.baseline;
          if (data48 && typeof data48 == "object" && !Array.isArray(data48)) {
            if (data48.new === void 0) {
              const err103 = { instancePath: instancePath + "/summary/baseline", schemaPath: "#/properties/summary/properties/baseline/required", keyword: "required", params: { missingProperty: "new" }, message: "must have required property 'new'" };
              if (vErrors === null) {
                vErrors = [err103];
              } else {
                vErrors.push(err103);
              }
              errors++;
            }
            if (data48.baselined === void 0) {
              const err104 = { instancePath: instancePath + "/summary/baseline", schemaPath: "#/properties/summary/properties/baseline/required", keyword: "required", params: { missingProperty: "baselined" }, message: "must have required property 'baselined'" };
              if (vErrors === null) {
                vErrors = [err104];
              } else {
                vErrors.push(err104);
              }
              errors++;
            }
            if (data48.fixed === void 0) {
              const err105 = { instancePath: instancePath + "/summary/baseline", schemaPath: "#/properties/summary/properties/baseline/required", keyword: "required", params: { missingProperty: "fixed" }, message: "must have required property 'fixed'" };
              if (vErrors === null) {
                vErrors = [err105];
              } else {
                vErrors.push(err105);
              }
              errors++;
            }
            for (const key10 in data48) {
              if (!(key10 === "new" || key10 === "baselined" || key10 === "fixed")) {
                const err106 = { instancePath: instancePath + "/summary/baseline", schemaPath: "#/properties/summary/properties/baseline/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err106];
                } else {
                  vErrors.push(err106);
                }
                errors++;
              }
            }
            if (data48.new !== void 0) {
              let data49 = data48.new;
              if (!(typeof data49 == "number" && (!(data49 % 1) && !isNaN(data49)) && isFinite(data49))) {
                const err107 = { instancePath: instancePath + "/summary/baseline/new", schemaPath: "#/properties/summary/properties/baseline/properties/new/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err107];
                } else {
                  vErrors.push(err107);
                }
                errors++;
              }
              if (typeof data49 == "number" && isFinite(data49)) {
                if (data49 < 0 || isNaN(data49)) {
                  const err108 = { instancePath: instancePath + "/summary/baseline/new", schemaPath: "#/properties/summary/properties/baseline/properties/new/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err108];
                  } else {
                    vErrors.push(err108);
                  }
                  errors++;
                }
              }
            }
            if (data48.baselined !== void 0) {
              let data50 = data48.baselined;
              if (!(typeof data50 == "number" && (!(data50 % 1) && !isNaN(data50)) && isFinite(data50))) {
                const err109 = { instancePath: instancePath + "/summary/baseline/baselined", schemaPath: "#/properties/summary/properties/baseline/properties/baselined/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err109];
                } else {
                  vErrors.push(err109);
                }
                errors++;
              }
              if (typeof data50 == "number" && isFinite(data50)) {
                if (data50 < 0 || isNaN(data50)) {
                  const err110 = { instancePath: instancePath + "/summary/baseline/baselined", schemaPath: "#/properties/summary/properties/baseline/properties/baselined/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err110];
                  } else {
                    vErrors.push(err110);
                  }
                  errors++;
                }
              }
            }
            if (data48.fixed !== void 0) {
              let data51 = data48.fixed;
              if (!(typeof data51 == "number" && (!(data51 % 1) && !isNaN(data51)) && isFinite(data51))) {
                const err111 = { instancePath: instancePath + "/summary/baseline/fixed", schemaPath: "#/properties/summary/properties/baseline/properties/fixed/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err111];
                } else {
                  vErrors.push(err111);
                }
                errors++;
              }
              if (typeof data51 == "number" && isFinite(data51)) {
                if (data51 < 0 || isNaN(data51)) {
                  const err112 = { instancePath: instancePath + "/summary/baseline/fixed", schemaPath: "#/properties/summary/properties/baseline/properties/fixed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err112];
                  } else {
                    vErrors.push(err112);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err113 = { instancePath: instancePath + "/summary/baseline", schemaPath: "#/properties/summary/properties/baseline/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err113];
            } else {
              vErrors.push(err113);
            }
            errors++;
          }
        }
      } else {
        const err114 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err114];
        } else {
          vErrors.push(err114);
        }
        errors++;
      }
    }
  } else {
    const err115 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err115];
    } else {
      vErrors.push(err115);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
