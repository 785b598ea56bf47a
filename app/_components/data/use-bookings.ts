"use client";
// The user's own bookings: cancel one (legacy GET /appointment/cancel/{id}, a redirect to its detail page on success).
import { useMutation } from "@tanstack/react-query";
import { getAction } from "./client";

export function useCancelBooking(id: number) {
  return useMutation({ mutationFn: () => getAction(`/appointment/cancel/${id}`) });
}
