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

// node_modules/.validators/helm-charts.schema.cjs
module.exports = validate10;
module.exports.default = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "title": "Where Helm charts read IRSA ServiceAccounts from their values (data/helm-charts.json)", "type": "object", "additionalProperties": false, "required": ["description", "sources", "charts"], "properties": { "description": { "type": "string", "minLength": 1 }, "sources": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "charts": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["chart", "source", "serviceAccounts"], "properties": { "chart": { "type": "string", "minLength": 1 }, "repositoryContains": { "type": "string", "minLength": 1 }, "nameBase": { "type": "string", "minLength": 1 }, "source": { "type": "string", "minLength": 1, "description": "The chart and version read, and where." }, "serviceAccounts": { "description": "Empty for a chart known to write no ServiceAccount annotations from its values.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["annotations", "defaultName"], "properties": { "annotations": { "$ref": "#/definitions/valuePath" }, "name": { "$ref": "#/definitions/valuePath" }, "create": { "$ref": "#/definitions/valuePath" }, "createdByDefault": { "type": "boolean" }, "defaultName": { "type": "string", "minLength": 1 }, "env": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["path", "form"], "properties": { "path": { "$ref": "#/definitions/valuePath" }, "form": { "enum": ["list", "map"] } } } }, "envSwitches": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["path", "name", "value"], "properties": { "path": { "$ref": "#/definitions/valuePath" }, "name": { "type": "string", "minLength": 1 }, "value": { "type": "string" }, "requires": { "$ref": "#/definitions/valuePaths" }, "unless": { "$ref": "#/definitions/valuePaths" } } } }, "envValues": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["path", "name"], "properties": { "path": { "$ref": "#/definitions/valuePath" }, "name": { "type": "string", "minLength": 1 }, "requires": { "$ref": "#/definitions/valuePaths" }, "unless": { "$ref": "#/definitions/valuePaths" } } } }, "annotationValues": { "type": "object", "propertyNames": { "enum": ["when", "eks.amazonaws.com/role-arn", "eks.amazonaws.com/sts-regional-endpoints"] }, "additionalProperties": { "$ref": "#/definitions/valuePath" } } } } } } } } }, "definitions": { "valuePath": { "type": "string", "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, "valuePaths": { "type": "array", "items": { "$ref": "#/definitions/valuePath" } } } };
var func2 = require_ucs2length().default;
var func8 = Object.prototype.hasOwnProperty;
var pattern0 = new RegExp("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", "u");
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      let data0 = data[i0];
      if (typeof data0 === "string") {
        if (!pattern0.test(data0)) {
          const err0 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/valuePath/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"' };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/valuePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array" };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.description === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "description" }, message: "must have required property 'description'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.sources === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "sources" }, message: "must have required property 'sources'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.charts === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "charts" }, message: "must have required property 'charts'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "description" || key0 === "sources" || key0 === "charts")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data0 = data.description;
      if (typeof data0 === "string") {
        if (func2(data0) < 1) {
          const err4 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.sources !== void 0) {
      let data1 = data.sources;
      if (Array.isArray(data1)) {
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === "string") {
            if (func2(data2) < 1) {
              const err6 = { instancePath: instancePath + "/sources/" + i0, schemaPath: "#/properties/sources/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = { instancePath: instancePath + "/sources/" + i0, schemaPath: "#/properties/sources/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/sources", schemaPath: "#/properties/sources/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.charts !== void 0) {
      let data3 = data.charts;
      if (Array.isArray(data3)) {
        const len1 = data3.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data4 = data3[i1];
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            if (data4.chart === void 0) {
              const err9 = { instancePath: instancePath + "/charts/" + i1, schemaPath: "#/properties/charts/items/required", keyword: "required", params: { missingProperty: "chart" }, message: "must have required property 'chart'" };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (data4.source === void 0) {
              const err10 = { instancePath: instancePath + "/charts/" + i1, schemaPath: "#/properties/charts/items/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property 'source'" };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            if (data4.serviceAccounts === void 0) {
              const err11 = { instancePath: instancePath + "/charts/" + i1, schemaPath: "#/properties/charts/items/required", keyword: "required", params: { missingProperty: "serviceAccounts" }, message: "must have required property 'serviceAccounts'" };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
            for (const key1 in data4) {
              if (!(key1 === "chart" || key1 === "repositoryContains" || key1 === "nameBase" || key1 === "source" || key1 === "serviceAccounts")) {
                const err12 = { instancePath: instancePath + "/charts/" + i1, schemaPath: "#/properties/charts/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data4.chart !== void 0) {
              let data5 = data4.chart;
              if (typeof data5 === "string") {
                if (func2(data5) < 1) {
                  const err13 = { instancePath: instancePath + "/charts/" + i1 + "/chart", schemaPath: "#/properties/charts/items/properties/chart/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              } else {
                const err14 = { instancePath: instancePath + "/charts/" + i1 + "/chart", schemaPath: "#/properties/charts/items/properties/chart/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            if (data4.repositoryContains !== void 0) {
              let data6 = data4.repositoryContains;
              if (typeof data6 === "string") {
                if (func2(data6) < 1) {
                  const err15 = { instancePath: instancePath + "/charts/" + i1 + "/repositoryContains", schemaPath: "#/properties/charts/items/properties/repositoryContains/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              } else {
                const err16 = { instancePath: instancePath + "/charts/" + i1 + "/repositoryContains", schemaPath: "#/properties/charts/items/properties/repositoryContains/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            if (data4.nameBase !== void 0) {
              let data7 = data4.nameBase;
              if (typeof data7 === "string") {
                if (func2(data7) < 1) {
                  const err17 = { instancePath: instancePath + "/charts/" + i1 + "/nameBase", schemaPath: "#/properties/charts/items/properties/nameBase/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
              } else {
                const err18 = { instancePath: instancePath + "/charts/" + i1 + "/nameBase", schemaPath: "#/properties/charts/items/properties/nameBase/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
            if (data4.source !== void 0) {
              let data8 = data4.source;
              if (typeof data8 === "string") {
                if (func2(data8) < 1) {
                  const err19 = { instancePath: instancePath + "/charts/" + i1 + "/source", schemaPath: "#/properties/charts/items/properties/source/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err19];
                  } else {
                    vErrors.push(err19);
                  }
                  errors++;
                }
              } else {
                const err20 = { instancePath: instancePath + "/charts/" + i1 + "/source", schemaPath: "#/properties/charts/items/properties/source/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
            if (data4.serviceAccounts !== void 0) {
              let data9 = data4.serviceAccounts;
              if (Array.isArray(data9)) {
                const len2 = data9.length;
                for (let i2 = 0; i2 < len2; i2++) {
                  let data10 = data9[i2];
                  if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                    if (data10.annotations === void 0) {
                      const err21 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/required", keyword: "required", params: { missingProperty: "annotations" }, message: "must have required property 'annotations'" };
                      if (vErrors === null) {
                        vErrors = [err21];
                      } else {
                        vErrors.push(err21);
                      }
                      errors++;
                    }
                    if (data10.defaultName === void 0) {
                      const err22 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/required", keyword: "required", params: { missingProperty: "defaultName" }, message: "must have required property 'defaultName'" };
                      if (vErrors === null) {
                        vErrors = [err22];
                      } else {
                        vErrors.push(err22);
                      }
                      errors++;
                    }
                    for (const key2 in data10) {
                      if (!func8.call(schema11.properties.charts.items.properties.serviceAccounts.items.properties, key2)) {
                        const err23 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                        if (vErrors === null) {
                          vErrors = [err23];
                        } else {
                          vErrors.push(err23);
                        }
                        errors++;
                      }
                    }
                    if (data10.annotations !== void 0) {
                      let data11 = data10.annotations;
                      if (typeof data11 === "string") {
                        if (!pattern0.test(data11)) {
                          const err24 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/annotations", schemaPath: "#/definitions/valuePath/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"' };
                          if (vErrors === null) {
                            vErrors = [err24];
                          } else {
                            vErrors.push(err24);
                          }
                          errors++;
                        }
                      } else {
                        const err25 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/annotations", schemaPath: "#/definitions/valuePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err25];
                        } else {
                          vErrors.push(err25);
                        }
                        errors++;
                      }
                    }
                    if (data10.name !== void 0) {
                      let data12 = data10.name;
                      if (typeof data12 === "string") {
                        if (!pattern0.test(data12)) {
                          const err26 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/name", schemaPath: "#/definitions/valuePath/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"' };
                          if (vErrors === null) {
                            vErrors = [err26];
                          } else {
                            vErrors.push(err26);
                          }
                          errors++;
                        }
                      } else {
                        const err27 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/name", schemaPath: "#/definitions/valuePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err27];
                        } else {
                          vErrors.push(err27);
                        }
                        errors++;
                      }
                    }
                    if (data10.create !== void 0) {
                      let data13 = data10.create;
                      if (typeof data13 === "string") {
                        if (!pattern0.test(data13)) {
                          const err28 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/create", schemaPath: "#/definitions/valuePath/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"' };
                          if (vErrors === null) {
                            vErrors = [err28];
                          } else {
                            vErrors.push(err28);
                          }
                          errors++;
                        }
                      } else {
                        const err29 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/create", schemaPath: "#/definitions/valuePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err29];
                        } else {
                          vErrors.push(err29);
                        }
                        errors++;
                      }
                    }
                    if (data10.createdByDefault !== void 0) {
                      if (typeof data10.createdByDefault !== "boolean") {
                        const err30 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/createdByDefault", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/createdByDefault/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                        if (vErrors === null) {
                          vErrors = [err30];
                        } else {
                          vErrors.push(err30);
                        }
                        errors++;
                      }
                    }
                    if (data10.defaultName !== void 0) {
                      let data15 = data10.defaultName;
                      if (typeof data15 === "string") {
                        if (func2(data15) < 1) {
                          const err31 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/defaultName", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/defaultName/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          if (vErrors === null) {
                            vErrors = [err31];
                          } else {
                            vErrors.push(err31);
                          }
                          errors++;
                        }
                      } else {
                        const err32 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/defaultName", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/defaultName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err32];
                        } else {
                          vErrors.push(err32);
                        }
                        errors++;
                      }
                    }
                    if (data10.env !== void 0) {
                      let data16 = data10.env;
                      if (Array.isArray(data16)) {
                        const len3 = data16.length;
                        for (let i3 = 0; i3 < len3; i3++) {
                          let data17 = data16[i3];
                          if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                            if (data17.path === void 0) {
                              const err33 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/env/" + i3, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/env/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
                              if (vErrors === null) {
                                vErrors = [err33];
                              } else {
                                vErrors.push(err33);
                              }
                              errors++;
                            }
                            if (data17.form === void 0) {
                              const err34 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/env/" + i3, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/env/items/required", keyword: "required", params: { missingProperty: "form" }, message: "must have required property 'form'" };
                              if (vErrors === null) {
                                vErrors = [err34];
                              } else {
                                vErrors.push(err34);
                              }
                              errors++;
                            }
                            for (const key3 in data17) {
                              if (!(key3 === "path" || key3 === "form")) {
                                const err35 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/env/" + i3, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/env/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                                if (vErrors === null) {
                                  vErrors = [err35];
                                } else {
                                  vErrors.push(err35);
                                }
                                errors++;
                              }
                            }
                            if (data17.path !== void 0) {
                              let data18 = data17.path;
                              if (typeof data18 === "string") {
                                if (!pattern0.test(data18)) {
                                  const err36 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/env/" + i3 + "/path", schemaPath: "#/definitions/valuePath/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"' };
                                  if (vErrors === null) {
                                    vErrors = [err36];
                                  } else {
                                    vErrors.push(err36);
                                  }
                                  errors++;
                                }
                              } else {
                                const err37 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/env/" + i3 + "/path", schemaPath: "#/definitions/valuePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                  vErrors = [err37];
                                } else {
                                  vErrors.push(err37);
                                }
                                errors++;
                              }
                            }
                            if (data17.form !== void 0) {
                              let data19 = data17.form;
                              if (!(data19 === "list" || data19 === "map")) {
                                const err38 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/env/" + i3 + "/form", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/env/items/properties/form/enum", keyword: "enum", params: { allowedValues: schema11.properties.charts.items.properties.serviceAccounts.items.properties.env.items.properties.form.enum }, message: "must be equal to one of the allowed values" };
                                if (vErrors === null) {
                                  vErrors = [err38];
                                } else {
                                  vErrors.push(err38);
                                }
                                errors++;
                              }
                            }
                          } else {
                            const err39 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/env/" + i3, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/env/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                              vErrors = [err39];
                            } else {
                              vErrors.push(err39);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err40 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/env", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/env/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                          vErrors = [err40];
                        } else {
                          vErrors.push(err40);
                        }
                        errors++;
                      }
                    }
                    if (data10.envSwitches !== void 0) {
                      let data20 = data10.envSwitches;
                      if (Array.isArray(data20)) {
                        const len4 = data20.length;
                        for (let i4 = 0; i4 < len4; i4++) {
                          let data21 = data20[i4];
                          if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
                            if (data21.path === void 0) {
                              const err41 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envSwitches/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
                              if (vErrors === null) {
                                vErrors = [err41];
                              } else {
                                vErrors.push(err41);
                              }
                              errors++;
                            }
                            if (data21.name === void 0) {
                              const err42 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envSwitches/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
                              if (vErrors === null) {
                                vErrors = [err42];
                              } else {
                                vErrors.push(err42);
                              }
                              errors++;
                            }
                            if (data21.value === void 0) {
                              const err43 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envSwitches/items/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'" };
                              if (vErrors === null) {
                                vErrors = [err43];
                              } else {
                                vErrors.push(err43);
                              }
                              errors++;
                            }
                            for (const key4 in data21) {
                              if (!(key4 === "path" || key4 === "name" || key4 === "value" || key4 === "requires" || key4 === "unless")) {
                                const err44 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envSwitches/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                                if (vErrors === null) {
                                  vErrors = [err44];
                                } else {
                                  vErrors.push(err44);
                                }
                                errors++;
                              }
                            }
                            if (data21.path !== void 0) {
                              let data22 = data21.path;
                              if (typeof data22 === "string") {
                                if (!pattern0.test(data22)) {
                                  const err45 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4 + "/path", schemaPath: "#/definitions/valuePath/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"' };
                                  if (vErrors === null) {
                                    vErrors = [err45];
                                  } else {
                                    vErrors.push(err45);
                                  }
                                  errors++;
                                }
                              } else {
                                const err46 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4 + "/path", schemaPath: "#/definitions/valuePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                  vErrors = [err46];
                                } else {
                                  vErrors.push(err46);
                                }
                                errors++;
                              }
                            }
                            if (data21.name !== void 0) {
                              let data23 = data21.name;
                              if (typeof data23 === "string") {
                                if (func2(data23) < 1) {
                                  const err47 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4 + "/name", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envSwitches/items/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                  if (vErrors === null) {
                                    vErrors = [err47];
                                  } else {
                                    vErrors.push(err47);
                                  }
                                  errors++;
                                }
                              } else {
                                const err48 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4 + "/name", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envSwitches/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                  vErrors = [err48];
                                } else {
                                  vErrors.push(err48);
                                }
                                errors++;
                              }
                            }
                            if (data21.value !== void 0) {
                              if (typeof data21.value !== "string") {
                                const err49 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4 + "/value", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envSwitches/items/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                  vErrors = [err49];
                                } else {
                                  vErrors.push(err49);
                                }
                                errors++;
                              }
                            }
                            if (data21.requires !== void 0) {
                              if (!validate11(data21.requires, { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4 + "/requires", parentData: data21, parentDataProperty: "requires", rootData })) {
                                vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                                errors = vErrors.length;
                              }
                            }
                            if (data21.unless !== void 0) {
                              if (!validate11(data21.unless, { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4 + "/unless", parentData: data21, parentDataProperty: "unless", rootData })) {
                                vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                                errors = vErrors.length;
                              }
                            }
                          } else {
                            const err50 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches/" + i4, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envSwitches/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                              vErrors = [err50];
                            } else {
                              vErrors.push(err50);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err51 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envSwitches", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envSwitches/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                          vErrors = [err51];
                        } else {
                          vErrors.push(err51);
                        }
                        errors++;
                      }
                    }
                    if (data10.envValues !== void 0) {
                      let data27 = data10.envValues;
                      if (Array.isArray(data27)) {
                        const len5 = data27.length;
                        for (let i5 = 0; i5 < len5; i5++) {
                          let data28 = data27[i5];
                          if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
                            if (data28.path === void 0) {
                              const err52 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envValues/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
                              if (vErrors === null) {
                                vErrors = [err52];
                              } else {
                                vErrors.push(err52);
                              }
                              errors++;
                            }
                            if (data28.name === void 0) {
                              const err53 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envValues/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
                              if (vErrors === null) {
                                vErrors = [err53];
                              } else {
                                vErrors.push(err53);
                              }
                              errors++;
                            }
                            for (const key5 in data28) {
                              if (!(key5 === "path" || key5 === "name" || key5 === "requires" || key5 === "unless")) {
                                const err54 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envValues/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                                if (vErrors === null) {
                                  vErrors = [err54];
                                } else {
                                  vErrors.push(err54);
                                }
                                errors++;
                              }
                            }
                            if (data28.path !== void 0) {
                              let data29 = data28.path;
                              if (typeof data29 === "string") {
                                if (!pattern0.test(data29)) {
                                  const err55 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5 + "/path", schemaPath: "#/definitions/valuePath/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"' };
                                  if (vErrors === null) {
                                    vErrors = [err55];
                                  } else {
                                    vErrors.push(err55);
                                  }
                                  errors++;
                                }
                              } else {
                                const err56 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5 + "/path", schemaPath: "#/definitions/valuePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                  vErrors = [err56];
                                } else {
                                  vErrors.push(err56);
                                }
                                errors++;
                              }
                            }
                            if (data28.name !== void 0) {
                              let data30 = data28.name;
                              if (typeof data30 === "string") {
                                if (func2(data30) < 1) {
                                  const err57 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5 + "/name", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envValues/items/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                  if (vErrors === null) {
                                    vErrors = [err57];
                                  } else {
                                    vErrors.push(err57);
                                  }
                                  errors++;
                                }
                              } else {
                                const err58 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5 + "/name", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envValues/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                  vErrors = [err58];
                                } else {
                                  vErrors.push(err58);
                                }
                                errors++;
                              }
                            }
                            if (data28.requires !== void 0) {
                              if (!validate11(data28.requires, { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5 + "/requires", parentData: data28, parentDataProperty: "requires", rootData })) {
                                vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                                errors = vErrors.length;
                              }
                            }
                            if (data28.unless !== void 0) {
                              if (!validate11(data28.unless, { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5 + "/unless", parentData: data28, parentDataProperty: "unless", rootData })) {
                                vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                                errors = vErrors.length;
                              }
                            }
                          } else {
                            const err59 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues/" + i5, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envValues/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                              vErrors = [err59];
                            } else {
                              vErrors.push(err59);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err60 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/envValues", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/envValues/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                          vErrors = [err60];
                        } else {
                          vErrors.push(err60);
                        }
                        errors++;
                      }
                    }
                    if (data10.annotationValues !== void 0) {
                      let data33 = data10.annotationValues;
                      if (data33 && typeof data33 == "object" && !Array.isArray(data33)) {
                        for (const key6 in data33) {
                          const _errs76 = errors;
                          if (!(key6 === "when" || key6 === "eks.amazonaws.com/role-arn" || key6 === "eks.amazonaws.com/sts-regional-endpoints")) {
                            const err61 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/annotationValues", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/annotationValues/propertyNames/enum", keyword: "enum", params: { allowedValues: schema11.properties.charts.items.properties.serviceAccounts.items.properties.annotationValues.propertyNames.enum }, message: "must be equal to one of the allowed values", propertyName: key6 };
                            if (vErrors === null) {
                              vErrors = [err61];
                            } else {
                              vErrors.push(err61);
                            }
                            errors++;
                          }
                          var valid24 = _errs76 === errors;
                          if (!valid24) {
                            const err62 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/annotationValues", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/annotationValues/propertyNames", keyword: "propertyNames", params: { propertyName: key6 }, message: "property name must be valid" };
                            if (vErrors === null) {
                              vErrors = [err62];
                            } else {
                              vErrors.push(err62);
                            }
                            errors++;
                          }
                        }
                        for (const key7 in data33) {
                          let data34 = data33[key7];
                          if (typeof data34 === "string") {
                            if (!pattern0.test(data34)) {
                              const err63 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/annotationValues/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/valuePath/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"' };
                              if (vErrors === null) {
                                vErrors = [err63];
                              } else {
                                vErrors.push(err63);
                              }
                              errors++;
                            }
                          } else {
                            const err64 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/annotationValues/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/valuePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                              vErrors = [err64];
                            } else {
                              vErrors.push(err64);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err65 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2 + "/annotationValues", schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/properties/annotationValues/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        if (vErrors === null) {
                          vErrors = [err65];
                        } else {
                          vErrors.push(err65);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err66 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts/" + i2, schemaPath: "#/properties/charts/items/properties/serviceAccounts/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                      vErrors = [err66];
                    } else {
                      vErrors.push(err66);
                    }
                    errors++;
                  }
                }
              } else {
                const err67 = { instancePath: instancePath + "/charts/" + i1 + "/serviceAccounts", schemaPath: "#/properties/charts/items/properties/serviceAccounts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err67];
                } else {
                  vErrors.push(err67);
                }
                errors++;
              }
            }
          } else {
            const err68 = { instancePath: instancePath + "/charts/" + i1, schemaPath: "#/properties/charts/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
        }
      } else {
        const err69 = { instancePath: instancePath + "/charts", schemaPath: "#/properties/charts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err69];
        } else {
          vErrors.push(err69);
        }
        errors++;
      }
    }
  } else {
    const err70 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err70];
    } else {
      vErrors.push(err70);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
