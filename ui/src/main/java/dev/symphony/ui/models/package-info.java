/**
 * The Models settings page: the model Instruments (providers) and whether each has its API key in the secret store
 * (entered here, never shown back), the model per role ({@code models.chat}, {@code inline}, {@code agent},
 * {@code embed}) with its price, a cancellable "test connection", and the model servers found on this machine.
 * {@link dev.symphony.ui.models.ModelsBackend} is what the page needs of the kernel; the view-model runs it off the
 * JavaFX thread.
 */
package dev.symphony.ui.models;
