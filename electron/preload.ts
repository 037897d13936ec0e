// Exposes the IPC contract to the renderer, nothing more. Bundled to one CommonJS file: sandboxed preloads cannot import.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, PUSH_CHANNEL, REQUEST_CHANNEL, type MainToRenderer, type Reply, type Request } from './ipc.ts';

const api = createApi(
  (req: Request) => ipcRenderer.invoke(REQUEST_CHANNEL, req) as Promise<Reply>,
  (cb: (m: MainToRenderer) => void) => {
    const listener = (_e: IpcRendererEvent, m: MainToRenderer) => cb(m);
    ipcRenderer.on(PUSH_CHANNEL, listener);
    return () => ipcRenderer.removeListener(PUSH_CHANNEL, listener);
  },
);

contextBridge.exposeInMainWorld('limber', api);
