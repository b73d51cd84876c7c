/**
 * A small JSON Schema checker for the keywords catalog.schema.json uses (type, enum, const,
 * properties, required, additionalProperties, items, minItems, pattern, minLength, minimum, $ref to
 * "#/$defs/…"). Written here rather than added as a dependency; an unknown keyword is an error, so
 * the schema cannot silently ask for a check this code does not make.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

const KNOWN = new Set([
  '$schema',
  '$id',
  '$defs',
  'title',
  'description',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'pattern',
  'minLength',
  'minimum',
  '$ref',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(actual: string, wanted: string): boolean {
  return actual === wanted || (wanted === 'number' && actual === 'integer');
}

/** Every way `value` breaks `schema`, as "path: problem" lines; empty when it conforms. */
export function checkSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path = '$'): string[] {
  const errors: string[] = [];
  for (const keyword of Object.keys(schema))
    if (!KNOWN.has(keyword)) errors.push(`${path}: schema keyword "${keyword}" is not implemented by schema-check.ts`);

  if (typeof schema.$ref === 'string') {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : (root.$defs as Record<string, JsonSchema> | undefined)?.[name];
    if (!target) return [...errors, `${path}: unresolvable $ref ${schema.$ref}`];
    return [...errors, ...checkSchema(value, target, root, path)];
  }

  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const wanted = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!wanted.some((w) => typeMatches(actual, w)))
      return [...errors, `${path}: expected ${wanted.join(' or ')}, got ${actual}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && schema.const !== value) errors.push(`${path}: must be ${JSON.stringify(schema.const)}`);

  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      errors.push(`${path}: shorter than ${schema.minLength} characters`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum)
    errors.push(`${path}: ${value} is below ${schema.minimum}`);

  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items && typeof schema.items === 'object')
      value.forEach((item, i) => errors.push(...checkSchema(item, schema.items as JsonSchema, root, `${path}[${i}]`)));
  }

  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[])
      if (!(key in object)) errors.push(`${path}: missing required "${key}"`);
    for (const [key, child] of Object.entries(object)) {
      const childPath = `${path}.${key}`;
      if (properties[key]) errors.push(...checkSchema(child, properties[key], root, childPath));
      else if (schema.additionalProperties === false) errors.push(`${childPath}: not described by the schema`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        errors.push(...checkSchema(child, schema.additionalProperties as JsonSchema, root, childPath));
    }
  }
  return errors;
}
