/**
 * What an extension author compiles against (with {@code provided} scope): the entry point
 * {@link dev.symphony.sdk.api.SymphonyExtension}, the extension points {@link dev.symphony.sdk.api.Operator},
 * {@link dev.symphony.sdk.api.Instrument} and {@link dev.symphony.sdk.api.Addon}, {@link dev.symphony.sdk.api.LanguageModel} (a model Instrument
 * written against the uniform language-model contract, registered as its four capabilities), the VirtualNode UI model and
 * the {@link dev.symphony.sdk.api.CallContext} through which brokered kernel services are reached.
 */
package dev.symphony.sdk.api;
