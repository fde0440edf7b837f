import type { ClientFrame, ServerFrame } from '../../src/protocol.js';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/**
 * The websocket to the server, reopened with growing pauses when it drops. Questions in flight when
 * it drops are reported lost, so the page can say so instead of waiting forever.
 */
export class ChatConnection {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: number | undefined;

  constructor(
    private readonly url: string,
    private readonly onFrame: (frame: ServerFrame) => void,
    private readonly onState: (state: ConnectionState) => void,
    private readonly onLost: () => void,
  ) {}

  connect(): void {
    this.onState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.onState('open');
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      try {
        this.onFrame(JSON.parse(event.data) as ServerFrame);
      } catch {
        // A frame that is not JSON is not ours; ignore it.
      }
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.onLost();
      this.attempt++;
      this.onState('reconnecting');
      const delay = Math.min(8000, 500 * 2 ** Math.min(this.attempt - 1, 4));
      this.timer = window.setTimeout(() => this.connect(), delay);
    });
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  send(frame: ClientFrame): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  close(): void {
    window.clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }
}
