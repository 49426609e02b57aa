import type { Application, NextFunction, Request, Response } from 'express';
import { FieldProblem } from './field-error';

/** The parts of Express's router this check reads: each route's layer matches a path and names its parameters. */
interface RouteLayer {
  match(path: string): false | { params: Record<string, unknown> };
  route?: { methods: Record<string, boolean> };
}

const PLACEHOLDER = '__malformed_percent_encoding__';

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function routeLayers(app: Application): RouteLayer[] {
  const router = (app as unknown as { router?: { stack?: RouteLayer[] } }).router;
  return (router?.stack ?? []).filter((layer) => layer.route);
}

/**
 * The path parameter whose raw value is not valid percent-encoding (`%zz`, `%E0%A4%A`, an
 * encoded lone surrogate), found by matching the app's routes against the path with the
 * broken segments replaced; null when the path decodes, or no route would take it.
 */
export function malformedPathParameter(app: Application, method: string, rawPath: string): FieldProblem | null {
  if (!rawPath.includes('%')) return null;
  const segments = rawPath.split('/');
  if (segments.every(decodes)) return null;
  const probe = segments.map((s) => (decodes(s) ? s : PLACEHOLDER)).join('/');
  const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
  const layers = routeLayers(app);
  // A parameter that is exactly the broken segment, on a route of this method first, then on
  // any route (Express decodes before it looks at the method); a catch-all route's wildcard
  // names no field, so the path itself is named.
  let wildcard = false;
  for (const candidates of [layers.filter((l) => l.route!.methods[verb] || l.route!.methods._all), layers]) {
    for (const layer of candidates) {
      let match: ReturnType<RouteLayer['match']>;
      try {
        match = layer.match(probe);
      } catch {
        continue;
      }
      if (!match) continue;
      const params = Object.entries(match.params);
      const name = params.find(([, value]) => value === PLACEHOLDER)?.[0];
      if (name) return { field: name, message: `${name} is not valid percent-encoding (a % must start %XX of UTF-8)` };
      wildcard ||= params.some(([, value]) => String(value).includes(PLACEHOLDER));
    }
  }
  if (wildcard) return { field: 'path', message: 'the path is not valid percent-encoding (a % must start %XX of UTF-8)' };
  return null;
}

/**
 * Express answers a path parameter it cannot decode with a bare 400 before any route runs;
 * this answers it first, naming the parameter, in the app's error shape.
 */
export function pathEncodingCheck() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem = malformedPathParameter(req.app, req.method, req.path);
    if (!problem) return next();
    res.status(400).json({ statusCode: 400, error: 'Bad Request', message: problem.message, fields: [problem] });
  };
}
