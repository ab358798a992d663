/** The settings page generated from the settings schema. */
package dev.symphony.ui.settings;
