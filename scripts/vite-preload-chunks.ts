/**
 * Vite plugin: index.html names the chunks the launch will import at once (the interface, the loader, the
 * clinical engine, the panel's lower part) as <link rel="modulepreload">, so the browser downloads them in parallel
 * while the small entry starts the token exchange. Preloaded is not evaluated: each is still evaluated when imported.
 */
import type { Plugin } from 'vite';

interface ChunkLike { type: string; fileName: string; moduleIds?: string[]; imports?: string[] }

export function preloadChunks(modules: string[]): Plugin {
  return {
    name: 'pcp-preload-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return html;
        const chunks = Object.values(ctx.bundle) as ChunkLike[];
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const wanted = new Set<string>();
        const add = (file: string) => {
          if (wanted.has(file)) return;
          wanted.add(file);
          for (const dep of byName.get(file)?.imports ?? []) add(dep);
        };
        for (const m of modules) {
          const chunk = chunks.find((c) => c.type === 'chunk' && (c.moduleIds ?? []).some((id) => id.replace(/\\/g, '/').endsWith(m)));
          if (!chunk) throw new Error(`preloadChunks: no chunk for ${m}`);
          add(chunk.fileName);
        }
        const named = [...wanted].filter((f) => !html.includes(f));
        return named.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}
