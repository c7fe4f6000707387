/**
 * The OpenAPI 3.1 document of the JSON API, generated from the operations table and its zod
 * schemas (the same schemas that validate). `roster schema --openapi` prints it; schema/openapi.json
 * is a copy a test keeps identical.
 */
import * as z from 'zod';
import { packageVersion } from '../paths.js';
import { OPERATIONS } from './operations.js';

const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const url = op.url.replace(/:(\w+)/g, '{$1}');
    const pathParams = [...op.url.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const queryParams = Object.entries(op.query ?? {}).map(([name, q]) => ({
      name,
      in: 'query',
      required: false,
      description: q.description,
      schema: jsonSchema(q.schema),
    }));
    paths[url] = {
      ...paths[url],
      [op.method.toLowerCase()]: {
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        ...(op.public ? { security: [] } : {}),
        ...(pathParams.length + queryParams.length > 0 ? { parameters: [...pathParams, ...queryParams] } : {}),
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
        responses: Object.fromEntries(
          Object.entries(op.responses).map(([status, description]) => [
            status,
            {
              description,
              content: {
                'application/json': { schema: Number(status) < 400 ? { type: 'object' } : { $ref: '#/components/schemas/Error' } },
              },
            },
          ]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'deputy-roster HTTP JSON API',
      version: packageVersion(),
      description:
        '代表资格记录的 HTTP JSON 接口，与命令行调用同一应用层：各查询的返回与对应命令的 --json 输出相同。先 POST /api/login 取得会话 Cookie 和 CSRF 令牌；写请求须带请求头 x-csrf-token。未登录 401；角色无权 403；缺少 CSRF 令牌 403。',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'roster_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['kind', 'message'],
              properties: { kind: { type: 'string' }, message: { type: 'string' }, where: { type: 'string' } },
            },
          },
        },
      },
    },
    security: [{ session: [] }],
    paths,
  };
}
