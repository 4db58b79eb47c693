import { STS001 } from './STS001-sa-disables-regional-default.js';
import { STS002 } from './STS002-sa-annotation-unsupported.js';
import { STS003 } from './STS003-sa-global-by-default.js';
import { STS004 } from './STS004-sa-annotation-invalid-value.js';
import { STS005 } from './STS005-sa-annotation-without-role.js';
import { STS006 } from './STS006-container-endpoint-env-override.js';
import { STS007 } from './STS007-hardcoded-global-endpoint-manifest.js';
import { STS008 } from './STS008-hardcoded-global-endpoint-code.js';
import { STS009 } from './STS009-stale-pod-endpoint-env.js';
import { STS010 } from './STS010-stale-pod-missing-irsa.js';
import { STS011 } from './STS011-cross-region-endpoint.js';
import { STS012 } from './STS012-presigned-url-global-format.js';
import { STS013 } from './STS013-region-env-pair-incomplete.js';
import { STS014 } from './STS014-sdk-defaults-to-global.js';
import { STS015 } from './STS015-endpoint-annotation-misplaced.js';
import type { FileRule, Rule } from './rule.js';

/** Every implemented rule, in id order. */
export const rules: readonly Rule[] = [STS001, STS002, STS003, STS004, STS005, STS006, STS007, STS009, STS010, STS011, STS013, STS015];

/** Every implemented rule on application code, config and dependency manifests, in id order. */
export const fileRules: readonly FileRule[] = [STS008, STS012, STS014];
