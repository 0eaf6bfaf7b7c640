package com.twilio.http;

/** Marker base: the doubles never make HTTP calls, so the real abstract makeRequest is left out. */
public abstract class HttpClient {}
