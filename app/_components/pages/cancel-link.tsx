"use client";

/** The detail page's cancel button: a same-site navigation to the legacy cancel URL after a confirmation. */
export function CancelLink({ id }: { id: number }) {
  return (
    <a
      href={`/meeting/appointment/cancel/${id}`}
      onClick={(e) => {
        if (!window.confirm("确定取消该预约吗？")) e.preventDefault();
      }}
      className="mt-4 block rounded-xl bg-red-600 py-3 text-center text-white"
    >
      取消预约
    </a>
  );
}
