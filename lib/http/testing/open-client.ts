import { GET as gettoken } from "@/app/api/oapi/gettoken/route";
import { POST as openPost } from "@/app/api/open/[resource]/[action]/route";
import { createAppCredential } from "@/lib/services/openapi/create-app-credential";

// Calls the Open API route handlers in-process (Vitest), as an HTTP client would.

export async function newOpenClient() {
  const cred = await createAppCredential({ name: "test" });
  const res = await gettoken(new Request(`http://localhost/meeting/api/oapi/gettoken?appkey=${cred.appkey}&appsecret=${cred.appsecret}`));
  const token = ((await res.json()) as { value: { access_token: string } }).value.access_token;
  const call = async (path: string, body?: unknown, init: { token?: string | null; raw?: BodyInit; type?: string } = {}) => {
    const [resource, action] = path.split("/");
    const t = init.token === undefined ? token : init.token;
    const url = `http://localhost/meeting/api/open/${path}${t === null ? "" : `?access_token=${t}`}`;
    const req = new Request(url, {
      method: "POST",
      headers: init.raw instanceof FormData ? {} : { "content-type": init.type ?? "application/json" },
      body: init.raw ?? JSON.stringify(body ?? {}),
    });
    const r = await openPost(req, { params: Promise.resolve({ resource, action }) });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: r.status, body: (await r.json()) as any };
  };
  return { cred, token, call };
}
