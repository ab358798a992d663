package dev.symphony.kernel.settings;

/** Where a setting's value comes from; later scopes override earlier ones. */
public enum SettingsScope {
    DEFAULT,
    USER,
    WORKSPACE
}
