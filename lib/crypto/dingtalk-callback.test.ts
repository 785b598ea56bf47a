import { describe, expect, it } from "vitest";
import {
  CallbackCryptoError,
  decryptMessage,
  deriveKey,
  encryptMessage,
  generateAesKey,
  openMessage,
  sealMessage,
  signature,
} from "./dingtalk-callback";

// Every vector of crypto-vectors.md (published P1–P3, derived D1–D4).

const P1 = {
  token: "123456",
  aesKey: "4g5j64qlyl3zvetqxz5jiocdr586fn2zvjpa8zls3ij",
  ownerKey: "suite4xxxxxxxxxxxxxxx",
  timestamp: "1445827045067",
  nonce: "nEXhMP4r",
  sig: "5a65ceeef9aab2d149439f82dc191dd6c5cbe2c0",
  encrypt:
    "1a3NBxmCFwkCJvfoQ7WhJHB+iX3qHPsc9JbaDznE1i03peOk1LaOQoRz3+nlyGNhwmwJ3vDMG+OzrHMeiZI7gTRWVdUBmfxjZ8Ej23JVYa9VrYeJ5as7XM/ZpulX8NEQis44w53h1qAgnC3PRzM7Zc/D6Ibr0rgUathB6zRHP8PYrfgnNOS9PhSBdHlegK+AGGanfwjXuQ9+0pZcy0w9lQ==",
  message: '{"EventType":"check_create_suite_url","Random":"LPIdSnlF","TestSuiteKey":"suite4xxxxxxxxxxxxxxx"}',
  keyHex: "e20e63eb8aa5ca5df3bdeb6ac73e638a871daf9f3a7e7db3be3a5af3396cde28",
  ivHex: "e20e63eb8aa5ca5df3bdeb6ac73e638a",
  random: "hU3bEfGZZewzhG5a",
  cipherBytes: 160,
};

const P2 = {
  token: "mryue",
  aesKey: "Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7",
  ownerKey: "ding6ccabc44d2c8d38b",
  timestamp: "1608001896814",
  nonce: "WL4PK6yA",
  sig: "03044561471240d4a14bb09372dfcfd4fd0e40cb",
  encrypt:
    "0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBKyDCYxxOK+HZeKju4yhELOFchzNukR+t8SB/qk4ROMu3",
  message: '{"EventType":"check_url"}',
  keyHex: "62e7b411f74de7dd3473571ee5c7fa035e7673adc30ded7cd3c6bad1ce5e71de",
  random: "l7Y3EcX2CU5w8av3",
  cipherBytes: 96,
};

const P3 = {
  aesKey: "aaabWe22zMdfpVVF6kFsZ9E4ODL1wjjykB5ifzjLzzz",
  ownerKey: "dingn4jxcg1w9jy9exxx",
  keyHex: "69a69b59edb6ccc75fa55545ea416c67d1383832f5c238f2901e627f38cbcf3c",
  random: "3S3b6Df7yFcbCqE2",
  vectors: [
    { message: "success", encrypt: "cKVPF3fvpb646ZnKPbYn/Y5fChYt4e3OjgLbwuMSMm7fuv/Sfu0POorlMHTLide0mitKXnWk1hs/ON7onS9WcQ==" },
    { message: "中文测试", encrypt: "cKVPF3fvpb646ZnKPbYn/bhwggCKWyF+4H4aqPLqmhD1wT7TKRRjHaRJs9/KcAK2oiiCeYS6FV30KJQoKDFmqg==" },
  ],
};

const D = [
  {
    id: "D1",
    random: "aaaabbbbccccdddd",
    message: "success",
    timestamp: "1608001896814",
    nonce: "WL4PK6yA",
    encrypt: "WriYdpwgW9R3hQnNQCWb99OFF54g0q8jTnsnENNcQVQtGNNNONLnnaRRsyJDkd9rdVbNdMyRj842O3VhNVQOmw==",
    sig: "976c3d87779e1226ef62b26faf308bef50edc62d",
    pad: 17,
  },
  {
    id: "D2",
    random: "0123456789abcdef",
    message: '{"event_type":"check_url"}',
    timestamp: "1619169197552",
    nonce: "abcdef12",
    encrypt:
      "IJtyRhe3IwDdDbVy9KT2Pc/NpBHtUVTMeNEXXQgOLD/aKlfvqJ74g5TGE1dO4f3RQoSlR5Q5AHJaMy5x8a/wa0LlB9G3B6xhFh72sWKzu+CagXmp0ma8rGkNdvSi2iXF",
    sig: "0bb7eec668a1fcdec9ee89bedd635df1df63e714",
    pad: 30,
  },
  {
    id: "D3",
    random: "0123456789abcdef",
    message: "abcdefghijklmnopqrstuvwx",
    timestamp: "1619169197552",
    nonce: "abcdef12",
    encrypt:
      "IJtyRhe3IwDdDbVy9KT2PQdyOWkgHWc/KxC5I45fAG435m12atm1TF+HTqwzSQB4OyKNnSoO+i6/BjFdpXxza/shQXdAobdA1O/Cg15O1wVoWACUA3Dr6EM/F5bUCELj",
    sig: "5b9d016a6a7402c659087091603412a88937df8d",
    pad: 32,
  },
  {
    id: "D4",
    random: "0123456789abcdef",
    message: '{"event_type":"book_cancel","value":["7466EC931CC64880B412D39C15076549"]}',
    timestamp: "1619169197552",
    nonce: "abcdef12",
    encrypt:
      "IJtyRhe3IwDdDbVy9KT2PTZSxR9/ZkqtdnZXcxr4tWRAJ3I9o1LgYIgdayFlMK0ovkZ1P5knA0YGZyaYSk97sCy+LfLVxSjjzGDLUO577YarAV+zipz7IDUcKoiMQDpbp1yA78G/l4uX5DZiXFbYjTgv6AZmfa+hsknzyGOItik=",
    sig: "6034abc534e17db2eca0a6a90ed272cc815d017e",
    pad: 15,
  },
];

describe("published vector P1 (suite check_create_suite_url)", () => {
  it("derives key and iv", () => {
    const { key, iv } = deriveKey(P1.aesKey);
    expect(key.toString("hex")).toBe(P1.keyHex);
    expect(iv.toString("hex")).toBe(P1.ivHex);
  });
  it("signature matches", () => {
    expect(signature(P1.token, P1.timestamp, P1.nonce, P1.encrypt)).toBe(P1.sig);
  });
  it("decrypts (after verifying the signature)", () => {
    const body = { msg_signature: P1.sig, timeStamp: P1.timestamp, nonce: P1.nonce, encrypt: P1.encrypt };
    expect(openMessage({ token: P1.token, aesKey: P1.aesKey, ownerKey: P1.ownerKey }, body)).toBe(P1.message);
    expect(Buffer.byteLength(P1.message)).toBe(97);
  });
  it("re-encrypts with the recovered prefix to the published ciphertext", () => {
    const enc = encryptMessage({ aesKey: P1.aesKey, ownerKey: P1.ownerKey, message: P1.message, random: P1.random });
    expect(enc).toBe(P1.encrypt);
    expect(Buffer.from(enc, "base64").length).toBe(P1.cipherBytes);
  });
});

describe("published vector P2 (internal app check_url, pad 31)", () => {
  const creds = { token: P2.token, aesKey: P2.aesKey, ownerKey: P2.ownerKey };
  it("derives the key", () => expect(deriveKey(P2.aesKey).key.toString("hex")).toBe(P2.keyHex));
  it("signature matches and the message decrypts", () => {
    expect(signature(P2.token, P2.timestamp, P2.nonce, P2.encrypt)).toBe(P2.sig);
    const body = { msg_signature: P2.sig, timeStamp: P2.timestamp, nonce: P2.nonce, encrypt: P2.encrypt };
    expect(openMessage(creds, body)).toBe(P2.message);
  });
  it("re-encrypts byte for byte", () => {
    const enc = encryptMessage({ aesKey: P2.aesKey, ownerKey: P2.ownerKey, message: P2.message, random: P2.random });
    expect(enc).toBe(P2.encrypt);
    expect(Buffer.from(enc, "base64").length).toBe(P2.cipherBytes);
  });
  it("refuses another owner key", () => {
    expect(() => decryptMessage({ aesKey: P2.aesKey, ownerKey: "x", encrypt: P2.encrypt })).toThrow(
      expect.objectContaining({ code: 900010 }),
    );
  });
  it("refuses a tampered signature (one hex digit flipped)", () => {
    const flipped = (P2.sig[0] === "0" ? "1" : "0") + P2.sig.slice(1);
    const body = { msg_signature: flipped, timeStamp: P2.timestamp, nonce: P2.nonce, encrypt: P2.encrypt };
    expect(() => openMessage(creds, body)).toThrow(expect.objectContaining({ code: 900005 }));
  });
  it("accepts DingTalk-style names and a numeric timestamp signed as its text", () => {
    const body = { signature: P2.sig, timestamp: Number(P2.timestamp), nonce: P2.nonce, encrypt: P2.encrypt };
    expect(openMessage(creds, body)).toBe(P2.message);
  });
  it("refuses a wrong aes_key and a truncated ciphertext", () => {
    const otherKey = "Zue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7";
    expect(() => decryptMessage({ aesKey: otherKey, ownerKey: P2.ownerKey, encrypt: P2.encrypt })).toThrow(CallbackCryptoError);
    const truncated = Buffer.from(P2.encrypt, "base64").subarray(0, 40).toString("base64");
    expect(() => decryptMessage({ aesKey: P2.aesKey, ownerKey: P2.ownerKey, encrypt: truncated })).toThrow(CallbackCryptoError);
  });
});

describe("published vectors P3 (success with pad 17; multi-byte message)", () => {
  it("derives the key", () => expect(deriveKey(P3.aesKey).key.toString("hex")).toBe(P3.keyHex));
  for (const v of P3.vectors) {
    it(`decrypts and re-encrypts ${v.message}`, () => {
      expect(decryptMessage({ aesKey: P3.aesKey, ownerKey: P3.ownerKey, encrypt: v.encrypt })).toBe(v.message);
      expect(encryptMessage({ aesKey: P3.aesKey, ownerKey: P3.ownerKey, message: v.message, random: P3.random })).toBe(v.encrypt);
    });
  }
  it("uses the UTF-8 byte length as the length prefix", () => {
    const plainLen = Buffer.from(P3.vectors[1].encrypt, "base64").length;
    expect(plainLen).toBe(64);
    expect(Buffer.byteLength("中文测试")).toBe(12);
  });
});

describe("derived vectors D1–D4 (P2 credentials)", () => {
  const creds = { token: P2.token, aesKey: P2.aesKey, ownerKey: P2.ownerKey };
  for (const d of D) {
    it(`${d.id}: encrypt, sign and open (pad ${d.pad})`, () => {
      const sealed = sealMessage(creds, d.message, { random: d.random, timeStamp: d.timestamp, nonce: d.nonce });
      expect(sealed).toEqual({ msg_signature: d.sig, timeStamp: d.timestamp, nonce: d.nonce, encrypt: d.encrypt });
      expect(openMessage(creds, sealed)).toBe(d.message);
    });
  }
});

describe("keys and round trips", () => {
  it("refuses keys that are not 43 alphanumeric characters", () => {
    expect(() => deriveKey("short")).toThrow(expect.objectContaining({ code: 900004 }));
    expect(() => deriveKey(P2.aesKey + "x")).toThrow(CallbackCryptoError);
  });
  it("generated keys work and random prefixes differ between encryptions", () => {
    const creds = { token: "t", aesKey: generateAesKey(), ownerKey: "appkey1" };
    expect(creds.aesKey).toMatch(/^[A-Za-z0-9]{43}$/);
    const a = sealMessage(creds, "success");
    const b = sealMessage(creds, "success");
    expect(a.encrypt).not.toBe(b.encrypt);
    expect(openMessage(creds, a)).toBe("success");
    expect(openMessage(creds, b)).toBe("success");
  });
});
