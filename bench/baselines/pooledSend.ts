/**
 * Baseline for the cycle day: bare nodemailer with a pool, sending `count` messages of the given
 * size to Postfix. Run as its own process (like a tick): node pooledSend.js <params.json>
 */
import fs from 'node:fs';
import nodemailer from 'nodemailer';

interface Params {
  host: string;
  port: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

async function main(): Promise<void> {
  const p = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Params;
  const transport = nodemailer.createTransport({ host: p.host, port: p.port, secure: false, ignoreTLS: true, pool: true });
  await Promise.all(p.to.map((to) => transport.sendMail({ from: p.from, to, subject: p.subject, text: p.text, html: p.html })));
  transport.close();
}

void main().catch((err) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
