/**
 * Vite plugin: index.html names the chunks the launch will import at once (the interface, the loader, the
 * clinical engine, the panel's lower part) as <link rel="modulepreload">, so the browser downloads them in parallel
 * while the small entry starts the token exchange. Preloaded is not evaluated: each is still evaluated when imported.
 */
import type { Plugin } from 'vite';

interface ChunkLike { type: string; fileName: string; moduleIds?: string[]; imports?: string[] }

/**
 * `modules`: what the launch imports at once, first-paint first; `later`: what it needs only once the searches are
 * sent (the clinical engine), preloaded with fetchpriority="low" so that, over HTTP/1.1's six connections, it does
 * not queue ahead of the entry's own imports and the token exchange.
 */
export function preloadChunks(modules: string[], later: string[] = []): Plugin {
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
        const chunkOf = (m: string) => {
          const chunk = chunks.find((c) => c.type === 'chunk' && (c.moduleIds ?? []).some((id) => id.replace(/\\/g, '/').endsWith(m)));
          if (!chunk) throw new Error(`preloadChunks: no chunk for ${m}`);
          return chunk.fileName;
        };
        modules.forEach((m) => add(chunkOf(m)));
        const soon = new Set(wanted);
        later.forEach((m) => add(chunkOf(m)));
        const named = [...wanted].filter((f) => !html.includes(f));
        return named.map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}`, ...(soon.has(f) ? {} : { fetchpriority: 'low' }) },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
