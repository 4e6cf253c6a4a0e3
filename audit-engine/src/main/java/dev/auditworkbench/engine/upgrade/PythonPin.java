package dev.auditworkbench.engine.upgrade;

/**
 * A Python version the repository names: "3.8" from a Dockerfile's base image (source "runtime"), a
 * CI matrix or tox env list ("ci"), or a requires-python minimum ("declared").
 */
public record PythonPin(String version, String source, String path, int line, String text) {}
