"use client";
import { useState } from "react";

/**
 * Page and page-size state of a server-paged table, and the props of its <Pagination>. The shown page is clamped
 * to the last one (the server does the same: a page past the end answers the last page); a new size starts at page 1.
 */
export function usePaging(initialSize = 20) {
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(initialSize);
  const pagerProps = (count: number) => ({
    page: Math.min(page, Math.max(1, Math.ceil(count / size))),
    size,
    count,
    onPage: setPage,
    onSize: (s: number) => {
      setSize(s);
      setPage(1);
    },
  });
  return { page, size, setPage, pagerProps };
}
