import fs from 'node:fs';
import path from 'node:path';

/** The nearest folder above `from` holding package.json. */
function projectRootAbove(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/** The project folder: this file runs from src/ (tests), dist/ (the built CLI) or .bench-out/src/ (the bench). */
export const PROJECT_ROOT = projectRootAbove(__dirname);
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
/** The shipped matching vocabulary (here so reading the config does not load YAML). */
export const DEFAULT_PROFILES_PATH = path.join(TEMPLATES_DIR, 'profiles.yml');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'src', 'db', 'migrations');
