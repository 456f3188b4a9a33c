import { AppError } from "@/server/errors";
import { errorResponse } from "@/server/http/route";

// Unknown API paths answer in the API's own error shape rather than with an HTML page.
const notFound = async () => errorResponse(new AppError("not_found", "No such API endpoint"));
export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
