// The rest of the contract module: where a refusal points, the API object both sides build, window placement.
import { describe, expect, it } from 'vitest';
import { PUSH_CHANNEL, REQUEST_CHANNEL, WINDOW_SIZES, createApi, parseRequest, windowBounds, type MainToRenderer, type Reply, type Request } from './ipc.ts';

describe('parseRequest', () => {
  it('names the field a refusal is about, or the message as a whole', () => {
    expect(parseRequest({ type: 'stats:get', days: 0 })).toEqual({ ok: false, error: 'invalid request: days: Invalid value: Expected >=1 but received 0' });
    expect(parseRequest({ type: 'settings:set', patch: [] })).toEqual({ ok: false, error: 'invalid request: patch: must be an object of settings' });
    expect(parseRequest({ type: 'break:finish', exercises: ['neck-roll', 'nope'], seconds: 1 })).toEqual({
      ok: false,
      error: expect.stringMatching(/^invalid request: exercises\.1: \S/),
    });
    expect(parseRequest(null)).toEqual({ ok: false, error: expect.stringMatching(/^invalid request: message: \S/) });
    expect(parseRequest({ type: 'hello' })).toEqual({ ok: true, request: { type: 'hello' } });
  });
});

describe('channels', () => {
  it('are two, distinct, and in Limber\'s own namespace so no other IPC can collide with them', () => {
    expect(REQUEST_CHANNEL).toMatch(/^limber:[a-z]+$/);
    expect(PUSH_CHANNEL).toMatch(/^limber:[a-z]+$/);
    expect(REQUEST_CHANNEL).not.toBe(PUSH_CHANNEL);
  });
});

describe('createApi', () => {
  it('passes requests and subscriptions straight through, and cannot be changed by the page', async () => {
    const sent: Request[] = [];
    const reply: Reply = { ok: true, window: 'break' };
    let listener: ((m: MainToRenderer) => void) | null = null;
    const unsubscribe = () => {};
    const api = createApi(
      (req) => {
        sent.push(req);
        return Promise.resolve(reply);
      },
      (cb) => {
        listener = cb;
        return unsubscribe;
      },
    );
    expect(await api.request({ type: 'hello' })).toBe(reply);
    expect(sent).toEqual([{ type: 'hello' }]);
    const got: MainToRenderer[] = [];
    expect(api.onPush((m) => got.push(m))).toBe(unsubscribe);
    listener!({ type: 'break', view: { screen: 'idle' } });
    expect(got).toEqual([{ type: 'break', view: { screen: 'idle' } }]);
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('windowBounds', () => {
  it('puts each window at the bottom right of the work area, clear of its edge', () => {
    const area = { x: 100, y: 50, width: 1920, height: 1080 };
    expect(windowBounds('break', area)).toEqual({ width: 420, height: 560, x: 100 + 1920 - 420 - 24, y: 50 + 1080 - 560 - 24 });
    expect(windowBounds('settings', area, 0)).toEqual({ width: 560, height: 680, x: 100 + 1920 - 560, y: 50 + 1080 - 680 });
    expect(WINDOW_SIZES.stats).toEqual({ width: 720, height: 640 });
    expect(WINDOW_SIZES.welcome).toEqual({ width: 520, height: 600 });
  });

  it('shrinks to a work area smaller than the window and stays inside it', () => {
    expect(windowBounds('stats', { x: 10, y: 20, width: 500, height: 300 })).toEqual({ width: 500, height: 300, x: 10, y: 20 });
  });
});
