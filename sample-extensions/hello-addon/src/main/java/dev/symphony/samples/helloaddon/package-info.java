/** The hello-addon sample: a VirtualNode UI and its event round trip. */
package dev.symphony.samples.helloaddon;
