package dev.auditworkbench.engine.upgrade;

/**
 * One place the code uses something a later Django or Python removes: the table row's id
 * ("ugettext", or "python:distutils"), the file and line, and the code as written there.
 */
public record ApiUse(String id, String path, int line, String text) {}
