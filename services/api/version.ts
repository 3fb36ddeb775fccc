import pkg from "../../package.json";

/** The version the API reports (/api/health, the OpenAPI document): the package's, declared once. */
export const API_VERSION: string = pkg.version;
