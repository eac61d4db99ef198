/* kern-nop: kern-bench2's child; exits at once with 0 (the cost of an activity's life cycle). */
int main(void)
{
	return 0;
}
