/** The GraphQL URL an `osmosis serve` child process prints once it listens; rejects if it exits first. */
import type { ChildProcess } from 'node:child_process';

export function servedUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d) => {
      err += String(d);
      const m = /Graph(?:iQL|QL) at (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}
