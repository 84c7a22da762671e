// The fuzzing suite's split into parts (partitionOperations): each part test file fuzzes one group,
// so an operation left out of every group, or dealt to two, would go unfuzzed or fuzzed twice.
import { describe, expect, it } from 'vitest';
import { inputsAtScaleOne, operationKey, partitionOperations, type Operation } from './fuzz.js';

const page = { name: 'page', schema: { type: 'integer' }, required: false };

function operation(method: string, path: string, list = false): Operation {
  return { method, path, pathParams: [], queryParams: list ? [page] : [], body: null };
}

/** A document's worth of operations: 47 writes, 14 lists and 30 other GETs. */
const operations: Operation[] = [
  ...Array.from({ length: 47 }, (_, i) => operation(i % 3 ? 'POST' : 'PATCH', `/api/v1/w${i}`)),
  ...Array.from({ length: 14 }, (_, i) => operation('GET', `/api/v1/l${i}`, true)),
  ...Array.from({ length: 30 }, (_, i) => operation('GET', `/api/v1/r${i}`)),
];

const cost = (group: Operation[]) => group.reduce((n, op) => n + inputsAtScaleOne(op), 0);

describe('SYS-3 the fuzzing suite split into parts', () => {
  it('a write weighs 1,000 inputs, a list 200, any other GET 50', () => {
    expect(inputsAtScaleOne(operation('DELETE', '/x'))).toBe(1_000);
    expect(inputsAtScaleOne(operation('GET', '/x', true))).toBe(200);
    expect(inputsAtScaleOne(operation('GET', '/x'))).toBe(50);
  });

  it.each([1, 4, 6])('%i parts together hold every operation exactly once, each in the order given', (parts) => {
    const groups = partitionOperations(operations, parts);
    expect(groups).toHaveLength(parts);
    const dealt = groups.flat().map(operationKey);
    expect(new Set(dealt).size).toBe(operations.length);
    expect(dealt.sort()).toEqual(operations.map(operationKey).sort());
    for (const group of groups) expect(group).toEqual(operations.filter((op) => group.includes(op)));
  });

  it('the parts weigh the same to within the heaviest operation', () => {
    const costs = partitionOperations(operations, 6).map(cost);
    expect(Math.max(...costs) - Math.min(...costs)).toBeLessThanOrEqual(1_000);
    expect(costs.reduce((a, b) => a + b)).toBe(cost(operations));
  });

  it('every test file deals the same groups, whatever order the document lists its operations in', () => {
    const keys = (groups: Operation[][]) => groups.map((group) => group.map(operationKey).sort());
    expect(keys(partitionOperations([...operations].reverse(), 6))).toEqual(keys(partitionOperations(operations, 6)));
  });
});
