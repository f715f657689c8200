package io.sitelens.model;

public enum ConsentState {
    GRANTED,
    WITHDRAWN
}
