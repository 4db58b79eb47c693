import { STS001 } from './STS001.js';
import { STS002 } from './STS002.js';
import { STS003 } from './STS003.js';
import { STS004 } from './STS004.js';
import { STS005 } from './STS005.js';
import { STS006 } from './STS006.js';
import { STS007 } from './STS007.js';
import { STS008 } from './STS008.js';
import { STS009 } from './STS009.js';
import { STS010 } from './STS010.js';
import { STS011 } from './STS011.js';
import { STS012 } from './STS012.js';
import { STS013 } from './STS013.js';
import { STS014 } from './STS014.js';
import { STS015 } from './STS015.js';
import type { FileRule, Rule } from './rule.js';

/** Every implemented rule, in id order. */
export const rules: readonly Rule[] = [STS001, STS002, STS003, STS004, STS005, STS006, STS007, STS009, STS010, STS011, STS013, STS015];

/** Every implemented rule on application code, config and dependency manifests, in id order. */
export const fileRules: readonly FileRule[] = [STS008, STS012, STS014];
