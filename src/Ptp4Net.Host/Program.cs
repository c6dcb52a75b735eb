namespace Ptp4Net.Host;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("ptp4net: no role implemented yet");
        return 2;
    }
}
