/** Progress output for long work: bars on a terminal, a line per phase and per 10% otherwise. */
import cliProgress from 'cli-progress';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bars = new cliProgress.MultiBar({
      stream,
      format: ' {phase} |{bar}| {value}/{total} ({percentage}%) {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    }, cliProgress.Presets.shades_classic);
    const byPhase = new Map<string, cliProgress.SingleBar>();
    return {
      update(phase, done, total) {
        let bar = byPhase.get(phase);
        if (!bar) byPhase.set(phase, (bar = bars.create(total, 0, { phase: phase.padEnd(11) })));
        bar.setTotal(total);
        bar.update(done, { phase: phase.padEnd(11) });
      },
      stop: () => bars.stop(),
    };
  }
  const lastDecile = new Map<string, number>();
  return {
    update(phase, done, total) {
      const decile = total ? Math.floor((done / total) * 10) : 10;
      if (lastDecile.get(phase) === decile) return;
      lastDecile.set(phase, decile);
      // The line says where the work is; the decile only decides when a line is due.
      stream.write(`${phase}: ${done}/${total} (${total ? Math.floor((done / total) * 100) : 100}%)\n`);
    },
    stop() {},
  };
}
