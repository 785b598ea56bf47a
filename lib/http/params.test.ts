import { describe, expect, it } from "vitest";
import { toList } from "@/lib/validation/common";
import { MAX_BODY_BYTES, BodyTooLargeError } from "./body-limit";
import { BodyParseError, readParams } from "./params";

// The legacy parameter binding (legacy-behaviour §2.3, A2–A3), called directly.

const url = "http://localhost/meeting/x";

describe("readParams", () => {
  it("reads the query string, repeated keys as an array", async () => {
    expect(await readParams(new Request(`${url}?a=1&b=x&b=y`))).toEqual({ a: "1", b: ["x", "y"] });
  });

  it("ignores the body of a GET", async () => {
    const req = new Request(`${url}?a=1`, { method: "GET" });
    expect(await readParams(req)).toEqual({ a: "1" });
  });

  it("appends urlencoded body values to query values of the same name", async () => {
    const req = new Request(`${url}?a=1`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "a=2&c=%E4%BC%9A",
    });
    expect(await readParams(req)).toEqual({ a: ["1", "2"], c: "会" });
  });

  it("reads multipart fields and keeps files as File", async () => {
    const form = new FormData();
    form.append("name", "room");
    form.append("file", new File([new Uint8Array([1, 2, 3])], "a.bin", { type: "application/octet-stream" }));
    const params = await readParams(new Request(url, { method: "POST", body: form }));
    expect(params.name).toBe("room");
    expect(params.file).toBeInstanceOf(File);
    expect((params.file as File).size).toBe(3);
  });

  it("reads a JSON object body: arrays item by item, numbers and booleans as strings, nulls skipped", async () => {
    const req = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ais: [1, 2], size: 8, open: true, note: null }),
    });
    expect(await readParams(req)).toEqual({ ais: ["1", "2"], size: "8", open: "true" });
  });

  it("treats an empty JSON body as no parameters", async () => {
    const req = new Request(`${url}?a=1`, { method: "POST", headers: { "content-type": "application/json" }, body: "  " });
    expect(await readParams(req)).toEqual({ a: "1" });
  });

  it.each([
    ["not JSON", "{"],
    ["an array", "[1,2]"],
    ["a string", '"x"'],
  ])("refuses a JSON body that is %s (BodyParseError)", async (_what, body) => {
    const req = new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    await expect(readParams(req)).rejects.toBeInstanceOf(BodyParseError);
  });

  it("refuses a body over the limit before reading it (BodyTooLargeError)", async () => {
    const req = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(MAX_BODY_BYTES + 1) },
      body: "a=1",
    });
    await expect(readParams(req)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});

describe("toList (list parameters)", () => {
  it("splits one comma-separated value, trims items and drops empty ones", () => {
    expect(toList(" 1, 2 ,,3 ")).toEqual(["1", "2", "3"]);
  });
  it("flattens repeated keys that carry commas", () => {
    expect(toList(["1,2", "3"])).toEqual(["1", "2", "3"]);
  });
  it("gives an empty list for `ais=` and nothing for a missing parameter or a file", () => {
    expect(toList("")).toEqual([]);
    expect(toList(undefined)).toBeUndefined();
    expect(toList(new File([], "f"))).toBeUndefined();
  });
});
