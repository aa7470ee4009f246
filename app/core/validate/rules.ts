// The rule registry: every validation rule, in the order they run on a result. The README's rule table
// is generated from this list (`npm run readme:rules`) and a test keeps the two equal.

import type { Rule } from './context';
import { configStructure, dataMissing, noControl, noPredictions, invalidColor, jsonSyntax, missingModelVersion, scoreRange, taskShape, unknownTag, xmlSyntax } from './rules/documentRules';
import { resultShape, toNameMismatch, typeMismatch, unknownFromName, unknownToName } from './rules/nameRules';
import { duplicateId, maxUsages, orphanRegionRef, suspectUnits } from './rules/regionRules';
import { outOfBounds, rleInvalid, singleChoice, spanOutOfRange, spanTextMismatch, unknownItem, unknownLabel, valueShape } from './rules/valueRules';

export const rules: readonly Rule[] = [
  xmlSyntax,
  configStructure,
  noControl,
  unknownTag,
  invalidColor,
  jsonSyntax,
  taskShape,
  noPredictions,
  resultShape,
  valueShape,
  dataMissing,
  unknownFromName,
  unknownToName,
  toNameMismatch,
  typeMismatch,
  unknownLabel,
  unknownItem,
  outOfBounds,
  suspectUnits,
  spanOutOfRange,
  spanTextMismatch,
  scoreRange,
  duplicateId,
  orphanRegionRef,
  rleInvalid,
  singleChoice,
  maxUsages,
  missingModelVersion,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
