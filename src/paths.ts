import path from 'node:path';

/** The project folder: this file runs from src/ (tests) or dist/ (the built CLI). */
export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'src', 'db', 'migrations');
