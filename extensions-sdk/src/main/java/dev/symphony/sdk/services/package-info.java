/**
 * Clients for the kernel-brokered services (files, network, processes, settings, logging). Each
 * checks the manifest's permissions first (fail fast, and the denial is reported to the kernel's
 * audit log), then asks the kernel, which checks again and is the enforcing side. Paired by name
 * with the kernel's implementations ({@code HostFiles} ↔ {@code KernelFiles}).
 */
package dev.symphony.sdk.services;
